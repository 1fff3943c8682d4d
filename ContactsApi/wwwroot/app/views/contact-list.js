// The contact list: search (by name, email or phone), the favorite filter, sort, order and paging,
// all sent to the API as its list query and kept in the address, so a reload or Back shows the
// same page. Each row toggles its favorite and can be deleted (after a confirm, with Undo; the
// trash is a link away).
import * as api from '../api.js';
import { h, field } from '../dom.js';
import { icon } from '../icons.js';
import { contactPicture } from '../picture.js';
import { favoriteToggle } from './favorite-toggle.js';
import { replaceQuery } from '../router.js';
import { heading } from '../screen.js';
import { errorBox } from '../ui.js';
import { deleteContact } from './delete-contact.js';

const SEARCH_IN = [['name', 'Name'], ['email', 'Email'], ['phone', 'Phone']];
const SHOW = [['', 'All contacts'], ['true', 'Favorites'], ['false', 'Not favorites']];
const SORTS = [['name', 'Name'], ['email', 'Email'], ['phone', 'Phone'], ['favorite', 'Favorite'], ['createdAt', 'Date added'], ['updatedAt', 'Last changed']];
const ORDERS = [['asc', 'Ascending'], ['desc', 'Descending']];
const LIMITS = [['10', '10'], ['20', '20'], ['50', '50'], ['100', '100']];
const SEARCH_DELAY_MS = 300;

const DEFAULTS = { q: '', in: 'name', show: '', sort: 'name', order: 'asc', limit: '20', page: '1' };
const CHOICES = { in: SEARCH_IN, show: SHOW, sort: SORTS, order: ORDERS, limit: LIMITS };

/** The screen's state from the address; anything unknown falls back to its default. */
function readState(query) {
  const state = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS)) {
    const value = query.get(key);
    if (value === null) continue;
    if (CHOICES[key] && !CHOICES[key].some(([choice]) => choice === value)) continue;
    if (key === 'page' && !/^[1-9]\d{0,5}$/.test(value)) continue;
    state[key] = value;
  }
  return state;
}

/** Only what differs from the defaults goes into the address. */
function addressQuery(state) {
  return Object.fromEntries(Object.entries(state).filter(([key, value]) => value !== DEFAULTS[key]));
}

function apiQuery(state) {
  const query = { page: state.page, limit: state.limit, sort: state.sort, order: state.order };
  if (state.q.trim()) query[state.in] = state.q.trim();
  if (state.show) query.favorite = state.show;
  return query;
}

function select(name, choices, value) {
  return h('select', { name }, choices.map(([choice, text]) => h('option', { value: choice, selected: choice === value }, text)));
}

export const contactListView = {
  render(root, { query }) {
    const state = readState(query);
    let loadId = 0;
    let searchTimer;

    heading(root, 'Contacts',
      h('a', { class: 'button button--quiet', href: '#/trash' }, icon('trash'), 'Trash'),
      h('a', { class: 'button button--primary', href: '#/contacts/new' }, icon('plus'), 'New contact'));

    const search = h('input', { type: 'search', name: 'q', value: state.q, autocomplete: 'off', spellcheck: 'false' });
    const controls = {
      in: select('in', SEARCH_IN, state.in),
      show: select('show', SHOW, state.show),
      sort: select('sort', SORTS, state.sort),
      order: select('order', ORDERS, state.order),
      limit: select('limit', LIMITS, state.limit),
    };
    // On a phone the sort and filter choices fold away behind a button, so the list starts near
    // the top; on a desktop they sit in one row with the search (the button is hidden by CSS).
    const options = h('div', { class: 'toolbar__options', id: 'list-options' },
      field('Show', controls.show),
      field('Sort by', controls.sort),
      field('Order', controls.order),
      field('Per page', controls.limit));
    const toggle = h('button', { type: 'button', class: 'button button--quiet toolbar__toggle', 'aria-controls': options.id }, 'Sort and filter', icon('chevron'));
    const toolbar = h('form', { class: 'toolbar', role: 'search', 'aria-label': 'Search contacts' },
      field('Search', search),
      field('Search in', controls.in),
      toggle,
      options);
    function setOpen(open) {
      toolbar.classList.toggle('toolbar--open', open);
      toggle.setAttribute('aria-expanded', String(open));
    }
    toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
    setOpen(['show', 'sort', 'order', 'limit'].some((key) => state[key] !== DEFAULTS[key]));

    const status = h('p', { class: 'list-status', role: 'status' });
    const errors = errorBox();
    const list = h('ul', { class: 'contact-list', 'aria-label': 'Contacts' });
    const previous = h('button', { type: 'button', class: 'button' }, 'Previous');
    const next = h('button', { type: 'button', class: 'button' }, 'Next');
    const pageText = h('span', { class: 'pager__text' });
    const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' }, previous, pageText, next);
    root.append(toolbar, errors.element, status, list, pager);

    function changed(resetPage = true) {
      if (resetPage) state.page = '1';
      replaceQuery(addressQuery(state));
      load();
    }

    toolbar.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(searchTimer);
      state.q = search.value;
      changed();
    });
    search.addEventListener('input', () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        state.q = search.value;
        changed();
      }, SEARCH_DELAY_MS);
    });
    for (const [key, control] of Object.entries(controls)) {
      control.addEventListener('change', () => {
        state[key] = control.value;
        changed();
      });
    }
    previous.addEventListener('click', () => {
      state.page = String(Number(state.page) - 1);
      changed(false);
    });
    next.addEventListener('click', () => {
      state.page = String(Number(state.page) + 1);
      changed(false);
    });

    async function load() {
      const id = ++loadId;
      list.setAttribute('aria-busy', 'true');
      errors.clear();
      try {
        const result = await api.contacts.list(apiQuery(state));
        if (id !== loadId) return;
        const pages = Math.max(1, Math.ceil(result.total / result.per_page));
        if (result.data.length === 0 && result.page > pages) {
          // The last page emptied (a delete, or an old link): show the last one that has contacts.
          state.page = String(pages);
          replaceQuery(addressQuery(state));
          load();
          return;
        }
        show(result, pages);
      } catch (error) {
        if (id !== loadId) return;
        errors.show(error);
        status.textContent = '';
        list.hidden = true;
        pager.hidden = true;
      } finally {
        if (id === loadId) list.removeAttribute('aria-busy');
      }
    }

    function show(result, pages) {
      const filtered = Boolean(state.q.trim() || state.show);
      const first = (result.page - 1) * result.per_page + 1;
      const last = first + result.data.length - 1;
      if (result.total === 0) status.textContent = filtered ? 'No contacts match.' : 'No contacts yet.';
      else status.textContent = `${first}–${last} of ${result.total} ${result.total === 1 ? 'contact' : 'contacts'}`;

      list.replaceChildren(...result.data.map(row));
      list.hidden = result.data.length === 0;
      if (result.total === 0 && !filtered) {
        list.hidden = false;
        list.replaceChildren(h('li', { class: 'contact-list__empty' },
          h('p', {}, 'Your backup is empty. Add the people you don\'t want to lose.'),
          h('a', { class: 'button button--primary', href: '#/contacts/new' }, icon('plus'), 'Add your first contact')));
      }

      pager.hidden = pages <= 1;
      pageText.textContent = `Page ${result.page} of ${pages}`;
      previous.disabled = result.page <= 1;
      next.disabled = result.page >= pages;
    }

    function row(contact) {
      const star = favoriteToggle(contact, (error) => errors.show(error), () => errors.clear());

      const remove = h('button', { type: 'button', class: 'icon-button icon-button--danger', 'aria-label': `Delete ${contact.name}`, title: 'Delete' }, icon('trash'));
      remove.addEventListener('click', async () => {
        errors.clear();
        try {
          if (!(await deleteContact(contact, load))) return;
          await load();
          list.focus();
        } catch (error) {
          errors.show(error);
        }
      });

      const [firstPhone, ...otherPhones] = contact.phones;
      return h('li', { class: 'contact' },
        h('span', { class: 'contact__picture' }, contactPicture(contact)),
        h('div', { class: 'contact__who' },
          h('a', { class: 'contact__name', href: `#/contacts/${encodeURIComponent(contact._id)}` }, contact.name),
          contact.email && h('a', { class: 'contact__email', href: `mailto:${contact.email}` }, contact.email)),
        h('div', { class: 'contact__phone' },
          firstPhone && h('a', { href: `tel:${firstPhone.number.replace(/[^\d+]/g, '')}` }, firstPhone.number),
          firstPhone && h('span', { class: 'tag' }, firstPhone.label),
          otherPhones.length > 0 && h('span', { class: 'contact__more' }, `+${otherPhones.length} more`)),
        h('div', { class: 'contact__actions' }, star, remove));
    }

    list.tabIndex = -1;
    load();
  },
};
