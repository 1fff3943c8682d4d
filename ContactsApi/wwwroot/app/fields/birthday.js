// A birthday as phones keep it: a day and a month, the year if known. The API takes YYYY-MM-DD, or
// --MM-DD without a year; a date picker can't say "no year", so the parts are asked for apart.
import { h, field } from '../dom.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function birthdayField() {
  const day = h('input', { type: 'text', inputmode: 'numeric', maxlength: '2', autocomplete: 'off', class: 'birthday__day' });
  const month = h('select', { class: 'birthday__month' },
    h('option', { value: '' }, '—'),
    MONTHS.map((name, index) => h('option', { value: String(index + 1).padStart(2, '0') }, name)));
  const year = h('input', { type: 'text', inputmode: 'numeric', maxlength: '4', autocomplete: 'off', class: 'birthday__year' });
  const element = h('fieldset', { class: 'birthday' },
    h('legend', {}, 'Birthday'),
    h('div', { class: 'birthday__parts' }, field('Day', day), field('Month', month), field('Year (optional)', year)));

  return {
    element,
    fill(contact) {
      const found = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(contact.birthday ?? '');
      year.value = found && found[1] !== '-' ? found[1] : '';
      month.value = found ? found[2] : '';
      day.value = found ? String(Number(found[3])) : '';
    },
    /** "" clears it; anything half given is sent as it is, for the API to say what a birthday must be. */
    read() {
      const [d, m, y] = [day.value.trim(), month.value, year.value.trim()];
      if (!d && !m && !y) return { birthday: '' };
      return { birthday: `${y || '-'}-${m}-${d.padStart(2, '0')}` };
    },
  };
}
