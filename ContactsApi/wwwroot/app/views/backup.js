// The backup screen: a phone's or another service's .vcf file in (its report: created, updated,
// unchanged, and each card that failed with its place in the file and why), and every contact out
// as a .vcf in the vCard version the person's phone reads.
import * as api from '../api.js';
import { h, field } from '../dom.js';
import { heading } from '../screen.js';
import { errorBox, busy, saveFile } from '../ui.js';

const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
const VERSIONS = [
  ['3.0', 'vCard 3.0', 'What iPhone, Android and most programs read.'],
  ['4.0', 'vCard 4.0', 'The newer format, for programs that take it.'],
];

export const backupView = {
  render(root) {
    root.classList.add('screen--narrow');
    heading(root, 'Import and export');
    root.append(importSection(), exportSection());
  },
};

function importSection() {
  const input = h('input', { type: 'file', name: 'file', accept: '.vcf,.vcard,text/vcard,text/x-vcard' });
  const submit = h('button', { type: 'submit', class: 'button button--primary', disabled: true }, 'Import');
  const errors = errorBox();
  const report = h('section', { class: 'import-report', 'aria-labelledby': 'import-report-title', tabindex: '-1' });
  report.hidden = true;
  const form = h('form', { class: 'card form', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title', class: 'card__title' }, 'Import contacts'),
    h('p', { class: 'card__text' },
      'A .vcf file from a phone, a mail program or another service. Each card becomes a contact, or updates the contact it matches, so importing the same file again adds nothing.'),
    errors.element,
    field('vCard file', input, 'At most 20 MB and 20,000 cards.'),
    h('div', { class: 'form__actions' }, submit),
    report);

  input.addEventListener('change', () => {
    errors.clear();
    const file = input.files[0];
    submit.disabled = !file;
    if (file && file.size > IMPORT_MAX_BYTES) {
      // Saves sending megabytes only to hear 413; the service checks again in any case.
      errors.show('The file is larger than 20 MB. Split it into smaller files and import each.');
      submit.disabled = true;
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    const file = input.files[0];
    if (!file) return;
    try {
      const result = await busy(form, () => api.backup.importCards(file));
      showReport(report, file.name, result);
      input.value = '';
      submit.disabled = true;
      // Focus goes to the report: a screen reader reads its title, and the counts are where the person is.
      report.focus();
    } catch (error) {
      errors.show(error);
      errors.element.focus();
    }
  });
  return form;
}

function showReport(report, fileName, { created, updated, unchanged, failed }) {
  const counts = [[created, 'created'], [updated, 'updated'], [unchanged, 'unchanged'], [failed.length, 'failed']];
  report.replaceChildren(
    h('h3', { id: 'import-report-title', class: 'import-report__title' }, `Imported ${fileName}`),
    h('ul', { class: 'import-report__counts' },
      counts.map(([count, what]) => h('li', { class: `import-report__count import-report__count--${what}` },
        h('strong', {}, String(count)), ' ', h('span', {}, what)))),
    failed.length > 0 && failures(failed));
  report.hidden = false;
}

function failures(failed) {
  return h('div', { class: 'table-scroll' },
    h('table', { class: 'import-report__failures' },
      h('caption', {}, 'Cards that could not be imported'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Card'), h('th', { scope: 'col' }, 'Line'), h('th', { scope: 'col' }, 'Why'))),
      h('tbody', {}, failed.map(({ index, line, reason }) =>
        // The API counts cards from 0; people count them from 1.
        h('tr', {}, h('td', {}, String(index + 1)), h('td', {}, String(line)), h('td', {}, reason))))));
}

function exportSection() {
  const choices = VERSIONS.map(([value, label, hint], i) => {
    const id = `export-version-${value.replace('.', '-')}`;
    return h('div', { class: 'choice' },
      h('input', { type: 'radio', name: 'version', id, value, checked: i === 0, 'aria-describedby': `${id}-hint` }),
      h('label', { for: id }, label),
      h('p', { class: 'field__hint choice__hint', id: `${id}-hint` }, hint));
  });
  const errors = errorBox();
  const form = h('form', { class: 'card form', 'aria-labelledby': 'export-title' },
    h('h2', { id: 'export-title', class: 'card__title' }, 'Export contacts'),
    h('p', { class: 'card__text' }, 'Every contact in one .vcf file, with its photo and everything its card holds. A phone, a mail program or this service imports it whole.'),
    errors.element,
    h('fieldset', { class: 'choices' }, h('legend', {}, 'Format'), choices),
    h('div', { class: 'form__actions' }, h('button', { type: 'submit', class: 'button button--primary' }, 'Download all contacts')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    const version = form.elements.version.value;
    try {
      const { blob, fileName } = await busy(form, () => api.backup.exportCards(version));
      saveFile(blob, fileName ?? 'contacts.vcf');
    } catch (error) {
      errors.show(error);
      errors.element.focus();
    }
  });
  return form;
}
