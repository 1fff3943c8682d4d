// The bearer token lives in sessionStorage: it survives a reload of this tab, is not shared with
// other tabs, and is gone when the tab closes. Not localStorage, which keeps it on disk for any later
// visitor of the browser profile; not a cookie, since the API takes tokens in the Authorization
// header only. Script on the page could still read it, which is why the app runs under a strict CSP
// (no inline script, no eval) and builds every node from text (dom.js). Logout also revokes the
// token's session on the server, so a copied token stops working.
const TOKEN_KEY = 'contacts.token';
const listeners = new Set();

let user = null;

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function currentUser() {
  return user;
}

export function isLoggedIn() {
  return token() !== null && user !== null;
}

export function start(newToken, newUser) {
  sessionStorage.setItem(TOKEN_KEY, newToken);
  setUser(newUser);
}

/** Merges fields the API answered (subscription, avatarURL) into the signed-in user. */
export function setUser(fields) {
  user = { ...user, ...fields };
  for (const listener of listeners) listener(user);
}

export function end() {
  sessionStorage.removeItem(TOKEN_KEY);
  user = null;
  for (const listener of listeners) listener(null);
}

export function onChange(listener) {
  listeners.add(listener);
}
