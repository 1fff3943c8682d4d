// A contact's labelled email addresses: at most twenty. The first is the contact's `email`, which a
// new contact must have (the API's rule for JSON clients), so it is sent beside the list.
import { labelledField } from './labelled.js';

export function emailsField() {
  const field = labelledField({
    name: 'emails',
    valueKey: 'address',
    legend: 'Email addresses',
    noun: 'Email',
    valueCaption: 'Address',
    input: { type: 'email', autocomplete: 'off', spellcheck: 'false' },
    usualLabels: ['home', 'work', 'other'],
    max: 20,
  });
  return {
    element: field.element,
    fill: field.fill,
    read() {
      const emails = field.entries();
      if (!emails) return {};
      return emails.length > 0 ? { email: emails[0].address, emails } : { emails };
    },
  };
}
