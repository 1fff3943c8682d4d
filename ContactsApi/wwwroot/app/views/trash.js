// The trash: deleted contacts, newest first, each to restore or to delete for good, and the whole
// trash to empty. Below it, undo to a moment: the whole address book put back as it was then
// (created since → trash, deleted since → restored, changed since → that moment's version).
import * as api from '../api.js';
import { h, field } from '../dom.js';
import { heading } from '../screen.js';
import { errorBox, busy, toast, confirmDialog } from '../ui.js';
import { contactPicture } from '../picture.js';

const LIMIT = 20;
const WHEN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export const trashView = {
  render(root) {
    let page = 1;
    const empty = h('button', { type: 'button', class: 'button button--danger' }, 'Empty trash');
    heading(root, 'Trash', empty);
    const errors = errorBox();
    const status = h('p', { class: 'list-status', role: 'status' });
    const list = h('ul', { class: 'contact-list', 'aria-label': 'Deleted contacts', tabindex: '-1' });
    const previous = h('button', { type: 'button', class: 'button' }, 'Previous');
    const next = h('button', { type: 'button', class: 'button' }, 'Next');
    const pageText = h('span', { class: 'pager__text' });
    const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' }, previous, pageText, next);
    root.append(
      h('p', { class: 'screen__intro' }, 'Deleted contacts wait here until the service’s retention ends (30 days unless it is set otherwise), then they are gone for good.'),
      errors.element, status, list, pager, undoSection(() => load()));

    previous.addEventListener('click', () => { page -= 1; load(); });
    next.addEventListener('click', () => { page += 1; load(); });
    empty.addEventListener('click', async () => {
      const sure = await confirmDialog({
        title: 'Empty the trash?',
        text: 'Every contact in the trash is deleted for good. This can’t be undone.',
        confirmLabel: 'Empty trash',
      });
      if (!sure) return;
      errors.clear();
      try {
        await api.trash.empty();
        toast('The trash is empty.');
        page = 1;
        await load();
      } catch (error) {
        errors.show(error);
      }
    });

    async function load() {
      errors.clear();
      list.setAttribute('aria-busy', 'true');
      try {
        const result = await api.trash.list({ page, limit: LIMIT });
        const pages = Math.max(1, Math.ceil(result.total / result.per_page));
        if (result.data.length === 0 && page > pages) {
          page = pages;
          await load();
          return;
        }
        status.textContent = result.total === 0 ? 'The trash is empty.'
          : `${result.total} deleted ${result.total === 1 ? 'contact' : 'contacts'}`;
        list.replaceChildren(...result.data.map(row));
        list.hidden = result.data.length === 0;
        empty.disabled = result.total === 0;
        pager.hidden = pages <= 1;
        pageText.textContent = `Page ${result.page} of ${pages}`;
        previous.disabled = result.page <= 1;
        next.disabled = result.page >= pages;
      } catch (error) {
        errors.show(error);
      } finally {
        list.removeAttribute('aria-busy');
      }
    }

    function row(contact) {
      const restore = h('button', { type: 'button', class: 'button', 'aria-label': `Restore ${contact.name}` }, 'Restore');
      const forget = h('button', { type: 'button', class: 'button button--quiet button--danger-text', 'aria-label': `Delete for good: ${contact.name}` }, 'Delete for good');
      restore.addEventListener('click', async () => {
        errors.clear();
        try {
          await api.trash.restore(contact._id);
          toast(`${contact.name} is back in your contacts.`);
          await load();
          list.focus();
        } catch (error) {
          errors.show(error);
        }
      });
      forget.addEventListener('click', async () => {
        const sure = await confirmDialog({
          title: `Delete ${contact.name} for good?`,
          text: 'The contact leaves the trash and can’t be restored.',
          confirmLabel: 'Delete for good',
        });
        if (!sure) return;
        errors.clear();
        try {
          await api.trash.remove(contact._id);
          toast(`${contact.name} was deleted for good.`);
          await load();
          list.focus();
        } catch (error) {
          errors.show(error);
        }
      });
      return h('li', { class: 'contact contact--trashed' },
        h('span', { class: 'contact__picture' }, contactPicture({ ...contact, hasPhoto: false })),
        h('div', { class: 'contact__who' },
          h('span', { class: 'contact__name' }, contact.name),
          h('span', { class: 'contact__email' }, `Deleted ${WHEN.format(new Date(contact.deletedAt))}`)),
        h('div', { class: 'contact__actions contact__actions--text' }, restore, forget));
    }

    load();
  },
};

/** Undo to a moment: a date and time in the person's own zone, sent as the instant it names. */
function undoSection(reload) {
  const when = h('input', { type: 'datetime-local', name: 'to', step: '60' });
  const errors = errorBox();
  const form = h('form', { class: 'card form undo', 'aria-labelledby': 'undo-title' },
    h('h2', { id: 'undo-title', class: 'card__title' }, 'Undo changes'),
    h('p', { class: 'card__text' }, 'Put your whole address book back as it was at a moment: contacts added since go to the trash, those deleted since come back, and those changed since return to how they were. The undo is a change like any other, so it can be undone too.'),
    errors.element,
    field('As it was at', when),
    h('div', { class: 'form__actions' }, h('button', { type: 'submit', class: 'button button--primary' }, 'Undo changes')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    if (!when.value) {
      errors.show('Choose the date and time to go back to.');
      when.focus();
      return;
    }
    const moment = new Date(when.value);
    const sure = await confirmDialog({
      title: 'Undo every change since then?',
      text: `Your contacts go back to how they were at ${WHEN.format(moment)}.`,
      confirmLabel: 'Undo changes',
    });
    if (!sure) return;
    try {
      const { reverted, restored, trashed } = await busy(form, () => api.contacts.undo(moment.toISOString()));
      toast(`Undone: ${reverted} changed back, ${restored} restored, ${trashed} moved to the trash.`);
      await reload();
    } catch (error) {
      errors.show(error);
      errors.element.focus();
    }
  });
  return form;
}
