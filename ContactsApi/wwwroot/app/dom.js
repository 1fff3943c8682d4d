// Builds DOM from data with text nodes and attributes only, never by parsing markup from strings,
// so a contact's name can never become markup, and the CSP needs no 'unsafe-inline' or 'unsafe-eval'.

/**
 * h('button', { type: 'button', class: 'x', onclick: fn }, 'Save') → <button type="button" class="x">Save</button>
 * Attributes: `on*` functions become listeners; `true` sets a boolean attribute, `false`/null/undefined omit it.
 * Children: strings, numbers, nodes, arrays of them; null/false are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

/** A labelled form control: <div class="field"><label for=id>…</label><control id=id …></div>. */
export function field(labelText, control, hint) {
  const id = control.id || uniqueId('field');
  control.id = id;
  const children = [h('label', { for: id }, labelText), control];
  if (hint) {
    const hintId = `${id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    children.push(h('p', { class: 'field__hint', id: hintId }, hint));
  }
  return h('div', { class: 'field' }, children);
}

let counter = 0;
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}
