// One contact as a card: its photo, organization and title, labelled numbers, emails and addresses,
// birthday and notes; the favorite star, Edit, its vCard to download, Delete. Only what the contact
// has is shown.
import * as api from '../api.js';
import { h } from '../dom.js';
import { go } from '../router.js';
import { heading } from '../screen.js';
import { errorBox, busy, saveFile } from '../ui.js';
import { contactPicture } from '../picture.js';
import { favoriteToggle } from './favorite-toggle.js';
import { deleteContact } from './delete-contact.js';

export const contactView = {
  async render(root, { params }) {
    root.classList.add('screen--narrow');
    const errors = errorBox();
    let contact;
    try {
      contact = await api.contacts.get(params.id);
    } catch (error) {
      heading(root, 'Contact');
      root.append(errors.element, h('p', {}, h('a', { href: '#/contacts' }, 'Back to all contacts')));
      errors.show(error);
      return;
    }

    const edit = h('a', { class: 'button button--primary', href: `#/contacts/${encodeURIComponent(contact._id)}/edit` }, 'Edit');
    heading(root, contact.name, edit);
    const role = [contact.title, contact.organization].filter(Boolean).join(', ');
    const download = h('button', { type: 'button', class: 'button' }, 'Download vCard');
    const remove = h('button', { type: 'button', class: 'button button--danger' }, 'Delete');
    const actions = h('div', { class: 'form__actions contact-card__actions' }, download, remove);

    root.append(h('article', { class: 'card contact-card', 'aria-label': contact.name },
      errors.element,
      h('div', { class: 'contact-card__top' },
        contactPicture(contact, { size: 'large', alt: `Photo of ${contact.name}` }),
        h('div', { class: 'contact-card__who' },
          role && h('p', { class: 'contact-card__role' }, role),
          h('div', { class: 'contact-card__favorite' },
            favoriteToggle(contact, (error) => errors.show(error), () => errors.clear()),
            h('span', { 'aria-hidden': 'true' }, 'Favorite')))),
      details(contact),
      actions));

    download.addEventListener('click', async () => {
      errors.clear();
      try {
        const { blob } = await busy(actions, () => api.contacts.card(contact._id));
        saveFile(blob, fileNameFor(contact.name));
      } catch (error) {
        errors.show(error);
      }
    });
    remove.addEventListener('click', async () => {
      errors.clear();
      try {
        if (await deleteContact(contact, () => go(`/contacts/${encodeURIComponent(contact._id)}`))) go('/contacts');
      } catch (error) {
        errors.show(error);
      }
    });
  },
};

function details(contact) {
  const sections = [
    section('Phone numbers', contact.phones.map((phone) =>
      labelled(h('a', { href: `tel:${phone.number.replace(/[^\d+]/g, '')}` }, phone.number), phone.label))),
    section('Email addresses', contact.emails.map((email) =>
      labelled(h('a', { href: `mailto:${email.address}` }, email.address), email.label))),
    section('Addresses', contact.addresses.map((address) =>
      labelled(h('span', { class: 'contact-card__address' }, addressLines(address).join('\n')), address.label))),
    contact.birthday && section('Birthday', [h('span', {}, birthdayText(contact.birthday))]),
    contact.notes && section('Notes', [h('span', { class: 'contact-card__notes' }, contact.notes)]),
  ].filter(Boolean);
  return h('dl', { class: 'contact-card__details' }, sections);
}

function section(title, values) {
  if (values.length === 0) return null;
  return h('div', { class: 'contact-card__section' }, h('dt', {}, title), values.map((value) => h('dd', {}, value)));
}

function labelled(value, label) {
  return [value, ' ', h('span', { class: 'tag' }, label)];
}

/** As an envelope has it: the street (its lines), the city with its region and postcode, the country. */
function addressLines(address) {
  const town = [[address.city, address.region].filter(Boolean).join(', '), address.postcode].filter(Boolean).join(' ');
  return [address.street, town, address.country].filter(Boolean);
}

const MONTH_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const FULL_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "12 April 1985", or "12 April" for a birthday kept without its year (--04-12). */
function birthdayText(birthday) {
  const [, year, month, day] = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(birthday) ?? [];
  if (!month) return birthday;
  if (year === '-') return MONTH_DAY.format(Date.UTC(2000, Number(month) - 1, Number(day)));
  const date = new Date(Date.UTC(2000, Number(month) - 1, Number(day)));
  date.setUTCFullYear(Number(year));
  return FULL_DATE.format(date);
}

function fileNameFor(name) {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim();
  return `${safe || 'contact'}.vcf`;
}
