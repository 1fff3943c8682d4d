// The frame of every screen: its title in the tab and as the page's one h1, which takes focus on
// arrival so a screen reader announces the new screen (a single-page app doesn't load a new page).
import { h } from './dom.js';

export function heading(root, title, ...actions) {
  document.title = `${title} · Contacts backup`;
  const h1 = h('h1', { class: 'screen__title', tabindex: '-1' }, title);
  root.append(h('div', { class: 'screen__header' }, h1, actions.length ? h('div', { class: 'screen__actions' }, actions) : null));
  h1.focus({ preventScroll: true });
  return h1;
}
