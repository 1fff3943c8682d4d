// Create or edit one contact. The form is the list of fields below; saving sends every field the
// form shows (POST for a new contact, PUT for an existing one: PUT replaces the lists of phones,
// emails and addresses whole, so adds, edits and removals land in one request, all or nothing).
// What the form doesn't show (a photo, nicknames and the rest an imported card kept) a PUT leaves as
// it is.
import * as api from '../api.js';
import { h } from '../dom.js';
import { go } from '../router.js';
import { heading } from '../screen.js';
import { errorBox, busy, toast } from '../ui.js';
import { deleteContact } from './delete-contact.js';
import { textField, checkboxField, notesField } from '../fields/simple.js';
import { phonesField } from '../fields/phones.js';
import { emailsField } from '../fields/emails.js';
import { addressesField } from '../fields/addresses.js';
import { birthdayField } from '../fields/birthday.js';

function contactFields() {
  return [
    textField({ name: 'name', label: 'Name', required: true }),
    textField({ name: 'organization', label: 'Organization' }),
    textField({ name: 'title', label: 'Job title' }),
    phonesField(),
    emailsField(),
    addressesField(),
    birthdayField(),
    notesField({ name: 'notes', label: 'Notes' }),
    checkboxField({ name: 'favorite', label: 'Favorite' }),
  ];
}

/** A new contact leaves out what is empty; an edit sends "" and [] too, which clear a field. */
function bodyOf(fields, isNew) {
  const body = Object.assign({}, ...fields.map((f) => f.read()));
  if (!isNew) return body;
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0)));
}

export const contactFormView = {
  async render(root, { params }) {
    const id = params.id ?? null;
    root.classList.add('screen--narrow');
    heading(root, id ? 'Edit contact' : 'New contact');

    const errors = errorBox();
    const fields = contactFields();
    const save = h('button', { type: 'submit', class: 'button button--primary' }, id ? 'Save changes' : 'Add contact');
    const back = id ? `#/contacts/${encodeURIComponent(id)}` : '#/contacts';
    const actions = h('div', { class: 'form__actions' }, save, h('a', { class: 'button button--quiet', href: back }, 'Cancel'));
    const form = h('form', { class: 'card form', novalidate: true }, errors.element, fields.map((f) => f.element), actions);
    root.append(form);

    let contact = { name: '', phones: [], emails: [], addresses: [], favorite: false };
    if (id) {
      try {
        contact = await busy(form, () => api.contacts.get(id));
      } catch (error) {
        errors.show(error);
        save.disabled = true;
        return;
      }
      actions.append(deleteButton(contact, errors));
    }
    for (const f of fields) f.fill(contact);

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.clear();
      const body = bodyOf(fields, !id);
      try {
        const saved = await busy(form, () => (id ? api.contacts.update(id, body) : api.contacts.create(body)));
        toast(id ? `${saved.name} was saved.` : `${saved.name} was added.`);
        go(`/contacts/${encodeURIComponent(saved._id)}`);
      } catch (error) {
        errors.show(error);
        errors.element.focus();
      }
    });
  },
};

function deleteButton(contact, errors) {
  const button = h('button', { type: 'button', class: 'button button--danger form__delete' }, 'Delete');
  button.addEventListener('click', async () => {
    try {
      if (await deleteContact(contact, () => go(`/contacts/${encodeURIComponent(contact._id)}`))) go('/contacts');
    } catch (error) {
      errors.show(error);
    }
  });
  return button;
}
