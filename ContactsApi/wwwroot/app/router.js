// Hash routes (#/contacts/…): the service serves one index.html at /, and a reload or a shared link
// of any screen still lands on it. Each screen renders into a fresh element of its own, so a request
// that answers after the person moved on writes into a detached node and never into the new screen.
import * as session from './session.js';

let routes = [];
let started = false;

/** routes: [{ path: '/contacts/:id', view: { render(root, { params, query }) }, public?: true }] */
export function startRouter(table) {
  routes = table.map((route) => ({ ...route, pattern: compile(route.path) }));
  window.addEventListener('hashchange', show);
  started = true;
  show();
}

export function go(path) {
  if (location.hash !== `#${path}`) location.hash = path;
  else if (started) show();
}

/** Writes a screen's state (search, page, …) into the address without a new history entry or re-render. */
export function replaceQuery(query) {
  const path = currentPath();
  const search = new URLSearchParams(query).toString();
  history.replaceState(history.state, '', `#${path}${search ? `?${search}` : ''}`);
}

function currentPath() {
  return location.hash.slice(1).split('?')[0] || '/';
}

function compile(path) {
  const names = [];
  const source = path.replace(/:(\w+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${source}$`), names };
}

function match(path) {
  for (const route of routes) {
    const found = route.pattern.regex.exec(path);
    if (found) {
      const params = Object.fromEntries(route.pattern.names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
      return { route, params };
    }
  }
  return null;
}

function show() {
  const path = currentPath();
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const found = match(path);
  if (!found) return go(session.isLoggedIn() ? '/contacts' : '/login');
  if (!found.route.public && !session.isLoggedIn()) return go('/login');
  if (found.route.public && session.isLoggedIn()) return go('/contacts');

  const main = document.getElementById('main');
  const root = document.createElement('div');
  root.className = 'screen';
  main.replaceChildren(root);
  markNavigation(path);
  found.route.view.render(root, { params: found.params, query });
}

function markNavigation(path) {
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (path.startsWith(`/${link.dataset.nav}`)) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
