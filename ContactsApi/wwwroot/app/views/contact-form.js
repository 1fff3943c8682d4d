// Create or edit one contact. The form is the list of fields below; saving sends every field the
// form shows (POST for a new contact, PUT for an existing one: PUT replaces the phone list whole,
// so adds, edits and removals of numbers land in one request, all or nothing).
import * as api from '../api.js';
import { h } from '../dom.js';
import { go } from '../router.js';
import { heading } from '../screen.js';
import { errorBox, busy, toast, confirmDialog } from '../ui.js';
import { textField, checkboxField } from '../fields/simple.js';
import { phonesField } from '../fields/phones.js';

function contactFields() {
  return [
    textField({ name: 'name', label: 'Name', autocomplete: 'name', required: true }),
    textField({ name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true }),
    phonesField(),
    checkboxField({ name: 'favorite', label: 'Favorite' }),
  ];
}

export const contactFormView = {
  async render(root, { params }) {
    const id = params.id ?? null;
    root.classList.add('screen--narrow');
    heading(root, id ? 'Edit contact' : 'New contact');

    const errors = errorBox();
    const fields = contactFields();
    const save = h('button', { type: 'submit', class: 'button button--primary' }, id ? 'Save changes' : 'Add contact');
    const actions = h('div', { class: 'form__actions' }, save, h('a', { class: 'button button--quiet', href: '#/contacts' }, 'Cancel'));
    const form = h('form', { class: 'card form', novalidate: true }, errors.element, fields.map((f) => f.element), actions);
    root.append(form);

    let contact = { name: '', email: '', phones: [], favorite: false };
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
      const body = Object.assign({}, ...fields.map((f) => f.read()));
      try {
        const saved = await busy(form, () => (id ? api.contacts.update(id, body) : api.contacts.create(body)));
        toast(id ? `${saved.name} was saved.` : `${saved.name} was added.`);
        go('/contacts');
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
    const sure = await confirmDialog({
      title: `Delete ${contact.name}?`,
      text: 'The contact and all of its phone numbers are removed from your backup.',
      confirmLabel: 'Delete',
    });
    if (!sure) return;
    try {
      await api.contacts.remove(contact._id);
      toast(`${contact.name} was deleted.`);
      go('/contacts');
    } catch (error) {
      errors.show(error);
    }
  });
  return button;
}
