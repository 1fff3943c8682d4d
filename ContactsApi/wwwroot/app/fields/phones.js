// A contact's labelled phone numbers: at least one, at most twenty (the API's rules). The label is
// free text (1–32 characters); the usual ones are offered as suggestions.
import { h, uniqueId } from '../dom.js';
import { repeatable } from './repeatable.js';

const USUAL_LABELS = ['mobile', 'home', 'work', 'other'];
const MAX_PHONES = 20;

export function phonesField() {
  const suggestions = h('datalist', { id: uniqueId('phone-labels') }, USUAL_LABELS.map((label) => h('option', { value: label })));

  const list = repeatable({
    legend: 'Phone numbers',
    itemName: 'phone',
    min: 1,
    max: MAX_PHONES,
    blank: () => ({ number: '', label: 'mobile' }),
    makeRow(phone) {
      const number = h('input', { type: 'tel', class: 'phone__number', autocomplete: 'tel', value: phone.number, required: true });
      const label = h('input', { type: 'text', class: 'phone__label', list: suggestions.id, value: phone.label, maxlength: '32', required: true });
      const numberLabel = h('label', { class: 'visually-hidden' });
      const labelLabel = h('label', { class: 'visually-hidden' });
      for (const [control, text] of [[number, numberLabel], [label, labelLabel]]) {
        control.id = uniqueId('phone');
        text.htmlFor = control.id;
      }
      return {
        element: h('div', { class: 'phone' },
          h('div', { class: 'phone__part phone__part--number' }, numberLabel, number),
          h('div', { class: 'phone__part phone__part--label' }, labelLabel, label)),
        focusTarget: number,
        setNumber(n) {
          numberLabel.textContent = `Phone ${n} number`;
          labelLabel.textContent = `Phone ${n} label`;
        },
        read: () => ({ number: number.value, label: label.value }),
      };
    },
  });

  const captions = h('div', { class: 'phone-captions', 'aria-hidden': 'true' }, h('span', {}, 'Number'), h('span', {}, 'Label'));
  list.element.insertBefore(captions, list.element.querySelector('ol'));
  list.element.append(suggestions);

  return {
    element: list.element,
    fill: (contact) => list.fill((contact.phones ?? []).map(({ number, label }) => ({ number, label }))),
    read: () => ({ phones: list.read() }),
  };
}
