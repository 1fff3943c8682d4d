// Syncing a phone over CardDAV: the address and user name to enter on it, and its app password.
// Each device gets its own, made here and shown this once (the service keeps only a hash); revoking
// one stops that device at once and no other. The account password is never given to a device.
import * as api from '../api.js';
import { h, field } from '../dom.js';
import { errorBox, busy, toast, confirmDialog } from '../ui.js';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** The address a CardDAV client is given: the service's own, where /dav/ leads it to the address book. */
export function cardDavAddress() {
  return `${location.origin}/dav/`;
}

export function appPasswordsSection(user) {
  const errors = errorBox();
  const name = h('input', { type: 'text', name: 'name', maxlength: '100', autocomplete: 'off' });
  const created = h('div', { class: 'new-password', role: 'region', 'aria-labelledby': 'new-password-title', tabindex: '-1' });
  created.hidden = true;
  const list = h('ul', { class: 'app-passwords', 'aria-labelledby': 'app-passwords-title' });
  const empty = h('p', { class: 'notice' }, 'No app passwords yet.');
  const form = h('form', { class: 'sync__create', novalidate: true, 'aria-label': 'New app password' },
    errors.element,
    field('Device name', name, 'What the password is for (say, Ann’s iPhone), to tell it apart when revoking it.'),
    h('div', { class: 'form__actions' }, h('button', { type: 'submit', class: 'button button--primary' }, 'Create app password')));
  const section = h('section', { class: 'card form sync', 'aria-labelledby': 'sync-title' },
    h('h2', { id: 'sync-title', class: 'card__title' }, 'Sync with a phone (CardDAV)'),
    h('p', { class: 'card__text' },
      'A phone or mail program can keep its contacts in this backup by itself, over CardDAV. Give each device its own app password, never your account password, and revoke it if the device is lost.'),
    h('dl', { class: 'sync__settings' },
      h('div', {}, h('dt', {}, 'Server address'), h('dd', {}, h('code', {}, cardDavAddress()))),
      h('div', {}, h('dt', {}, 'User name'), h('dd', {}, h('code', {}, user.email))),
      h('div', {}, h('dt', {}, 'Password'), h('dd', {}, 'an app password made below'))),
    h('p', { class: 'field__hint' },
      'iPhone: Settings → Contacts → Accounts → Add Account → Other → Add CardDAV Account. Android: DAVx⁵, “Login with URL and user name”.'),
    form,
    created,
    h('h3', { id: 'app-passwords-title', class: 'card__subtitle' }, 'App passwords'),
    empty,
    list);

  function showList(passwords) {
    list.replaceChildren(...passwords.map(row));
    empty.hidden = passwords.length > 0;
    list.hidden = passwords.length === 0;
  }

  async function load() {
    try {
      showList(await api.appPasswords.list());
    } catch (error) {
      errors.show(error);
    }
  }

  function row(password) {
    const revoke = h('button', { type: 'button', class: 'button button--quiet button--danger-text', 'aria-label': `Revoke ${password.name}` }, 'Revoke');
    revoke.addEventListener('click', async () => {
      const sure = await confirmDialog({
        title: `Revoke the password of ${password.name}?`,
        text: 'The device stops syncing at once, until it is given a new app password.',
        confirmLabel: 'Revoke',
      });
      if (!sure) return;
      errors.clear();
      try {
        await api.appPasswords.revoke(password._id);
        toast(`The password of ${password.name} was revoked.`);
        await load();
        name.focus();
      } catch (error) {
        errors.show(error);
      }
    });
    return h('li', { class: 'app-password' },
      h('div', { class: 'app-password__who' },
        h('span', { class: 'app-password__name' }, password.name),
        h('span', { class: 'app-password__date' }, `Created ${DATE.format(new Date(password.createdAt))}`)),
      revoke);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    try {
      const made = await busy(form, () => api.appPasswords.create(name.value));
      showCreated(made);
      name.value = '';
      await load();
      created.focus();
    } catch (error) {
      errors.show(error);
      name.focus();
    }
  });

  function showCreated(made) {
    const copy = h('button', { type: 'button', class: 'button' }, 'Copy');
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(made.password);
        toast('The password was copied.');
      } catch {
        toast('Copying was refused by the browser: select the password and copy it.');
      }
    });
    created.replaceChildren(
      h('h3', { id: 'new-password-title', class: 'card__subtitle' }, `The app password for ${made.name}`),
      h('p', { class: 'new-password__value' }, h('code', {}, made.password), copy),
      h('p', { class: 'field__hint' }, 'Enter it on the device now: it is shown only this once. Lost it? Revoke it and make another.'));
    created.hidden = false;
  }

  load();
  return section;
}
