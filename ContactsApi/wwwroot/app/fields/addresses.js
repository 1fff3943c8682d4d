// A contact's postal addresses: none to twenty, each a small group of its own ("Address 1") with a
// label and the parts a phone keeps. An address with every part blank is not sent; the list is
// always sent, so removing the last address clears them.
import { h, field, uniqueId } from '../dom.js';
import { repeatable } from './repeatable.js';

const PARTS = [
  ['street', 'Street', 'textarea'],
  ['city', 'City'],
  ['region', 'Region'],
  ['postcode', 'Postcode'],
  ['country', 'Country'],
];
const USUAL_LABELS = ['home', 'work', 'other'];

export function addressesField() {
  const suggestions = h('datalist', { id: uniqueId('address-labels') }, USUAL_LABELS.map((label) => h('option', { value: label })));

  const list = repeatable({
    legend: 'Addresses',
    itemName: 'address',
    min: 0,
    max: 20,
    blank: () => ({ label: 'home' }),
    makeRow(address) {
      const legend = h('legend', { class: 'address__legend' });
      const label = h('input', { type: 'text', list: suggestions.id, value: address.label ?? '', maxlength: '32' });
      const inputs = Object.fromEntries(PARTS.map(([key, , kind]) => [key, kind === 'textarea'
        ? h('textarea', { rows: '2', maxlength: '200' })
        : h('input', { type: 'text', maxlength: key === 'postcode' ? '32' : '100' })]));
      for (const [key] of PARTS) inputs[key].value = address[key] ?? '';
      const element = h('fieldset', { class: 'address' }, legend,
        field('Label', label),
        PARTS.map(([key, text]) => h('div', { class: `address__part address__part--${key}` }, field(text, inputs[key]))));
      return {
        element,
        focusTarget: label,
        setNumber(n) { legend.textContent = `Address ${n}`; },
        read: () => ({ label: label.value, ...Object.fromEntries(PARTS.map(([key]) => [key, inputs[key].value])) }),
      };
    },
  });
  list.element.classList.add('repeatable--addresses');
  list.element.append(suggestions);

  return {
    element: list.element,
    fill: (contact) => list.fill(contact.addresses ?? []),
    read: () => ({
      addresses: list.read().filter((address) => PARTS.some(([key]) => address[key].trim() !== '')),
    }),
  };
}
