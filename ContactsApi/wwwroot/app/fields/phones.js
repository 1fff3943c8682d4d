// A contact's labelled phone numbers: at most twenty (the API's rules).
import { labelledField } from './labelled.js';

export function phonesField() {
  const field = labelledField({
    name: 'phones',
    valueKey: 'number',
    legend: 'Phone numbers',
    noun: 'Phone',
    valueCaption: 'Number',
    input: { type: 'tel', autocomplete: 'off' },
    usualLabels: ['mobile', 'home', 'work', 'other'],
    max: 20,
  });
  return {
    element: field.element,
    fill: field.fill,
    read() {
      const phones = field.entries();
      return phones ? { phones } : {};
    },
  };
}
