// One-value fields of a contact. Each field is { element, fill(contact), read() → body fields }, so
// the form is a list of them and a new card field is one entry.
import { h, field } from '../dom.js';

export function textField({ name, label, type = 'text', autocomplete = 'off', required = false, hint }) {
  const input = h('input', { type, name, autocomplete, required, spellcheck: type === 'text' ? null : 'false' });
  return {
    element: field(label, input, hint),
    fill: (contact) => { input.value = contact[name] ?? ''; },
    read: () => ({ [name]: input.value }),
  };
}

export function checkboxField({ name, label }) {
  const input = h('input', { type: 'checkbox', name });
  const id = `${name}-checkbox`;
  input.id = id;
  return {
    element: h('div', { class: 'field field--checkbox' }, input, h('label', { for: id }, label)),
    fill: (contact) => { input.checked = Boolean(contact[name]); },
    read: () => ({ [name]: input.checked }),
  };
}

export function notesField({ name, label, hint }) {
  const input = h('textarea', { name, rows: '4', maxlength: '10000' });
  return {
    element: field(label, input, hint),
    fill: (contact) => { input.value = contact[name] ?? ''; },
    read: () => ({ [name]: input.value }),
  };
}
