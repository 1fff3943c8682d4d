// A list of like entries in a form (a contact's phones, emails and addresses):
// a fieldset whose rows can be added and removed between a least and a most count.
// Each row is made by the caller's makeRow(entry, number) → { element, focusTarget, read() }.
import { h } from '../dom.js';
import { icon } from '../icons.js';

export function repeatable({ legend, itemName, min, max, makeRow, blank }) {
  const rows = [];
  const list = h('ol', { class: 'repeatable__rows' });
  const add = h('button', { type: 'button', class: 'button button--quiet' }, icon('plus'), `Add ${itemName}`);
  const element = h('fieldset', { class: 'repeatable' }, h('legend', { class: 'repeatable__legend' }, legend), list, add);

  function renumber() {
    rows.forEach((row, index) => {
      row.setNumber(index + 1);
      row.remove.disabled = rows.length <= min;
    });
    add.disabled = rows.length >= max;
  }

  function addRow(entry) {
    const made = makeRow(entry);
    const remove = h('button', { type: 'button', class: 'icon-button icon-button--danger repeatable__remove' }, icon('close'));
    const item = h('li', { class: 'repeatable__row' }, made.element, remove);
    const row = {
      ...made,
      item,
      remove,
      setNumber(number) {
        made.setNumber(number);
        remove.setAttribute('aria-label', `Remove ${itemName} ${number}`);
      },
    };
    remove.addEventListener('click', () => {
      const index = rows.indexOf(row);
      rows.splice(index, 1);
      item.remove();
      renumber();
      // Focus stays in the list: on the row that took its place, else the one before, else Add.
      const next = rows[index] ?? rows[index - 1];
      if (next) next.focusTarget.focus();
      else add.focus();
    });
    rows.push(row);
    list.append(item);
    renumber();
    return row;
  }

  add.addEventListener('click', () => addRow(blank()).focusTarget.focus());

  return {
    element,
    fill(entries) {
      rows.splice(0).forEach((row) => row.item.remove());
      for (const entry of entries.length || min === 0 ? entries : [blank()]) addRow(entry);
    },
    read: () => rows.map((row) => row.read()),
  };
}
