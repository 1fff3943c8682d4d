// A list of labelled values (a contact's phone numbers, its email addresses): each row a value and
// a free-text label (1–32 characters) with the usual labels offered as suggestions. Rows left blank
// are not sent. A list the contact never had stays out of the body when it is still empty, so a
// contact imported without an email keeps having none; a list emptied by hand is sent empty, and
// the API says why it can't be.
import { h, uniqueId } from '../dom.js';
import { repeatable } from './repeatable.js';

/**
 * name: the body's list ('phones'), valueKey: each entry's value ('number'), noun: 'Phone' (rows are
 * "Phone 1 number", "Phone 1 label"), input: the value's <input> attributes.
 */
export function labelledField({ name, valueKey, legend, noun, valueCaption, input, usualLabels, max }) {
  const suggestions = h('datalist', { id: uniqueId(`${name}-labels`) }, usualLabels.map((label) => h('option', { value: label })));
  let hadEntries = false;

  const list = repeatable({
    legend,
    itemName: noun.toLowerCase(),
    min: 1,
    max,
    blank: () => ({ [valueKey]: '', label: usualLabels[0] }),
    makeRow(entry) {
      const value = h('input', { ...input, class: 'labelled__value', value: entry[valueKey] });
      const label = h('input', { type: 'text', class: 'labelled__label', list: suggestions.id, value: entry.label, maxlength: '32' });
      const valueLabel = h('label', { class: 'visually-hidden' });
      const labelLabel = h('label', { class: 'visually-hidden' });
      for (const [control, text] of [[value, valueLabel], [label, labelLabel]]) {
        control.id = uniqueId(name);
        text.htmlFor = control.id;
      }
      return {
        element: h('div', { class: 'labelled' },
          h('div', { class: 'labelled__part' }, valueLabel, value),
          h('div', { class: 'labelled__part' }, labelLabel, label)),
        focusTarget: value,
        setNumber(n) {
          valueLabel.textContent = `${noun} ${n} ${valueKey}`;
          labelLabel.textContent = `${noun} ${n} label`;
        },
        read: () => ({ [valueKey]: value.value, label: label.value }),
      };
    },
  });

  const captions = h('div', { class: 'labelled labelled--captions', 'aria-hidden': 'true' }, h('span', {}, valueCaption), h('span', {}, 'Label'));
  list.element.insertBefore(captions, list.element.querySelector('ol'));
  list.element.append(suggestions);

  return {
    element: list.element,
    fill(contact) {
      const entries = contact[name] ?? [];
      hadEntries = entries.length > 0;
      list.fill(entries.map((entry) => ({ [valueKey]: entry[valueKey], label: entry.label })));
    },
    /** The non-blank rows; [] only when the contact had some, so an emptied list is refused, not ignored. */
    entries() {
      const filled = list.read().filter((entry) => entry[valueKey].trim() !== '');
      return filled.length > 0 || hadEntries ? filled : null;
    },
  };
}
