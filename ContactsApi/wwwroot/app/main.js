// Boot: restore the tab's session, then hand the screens to the router. Adding a screen (app
// passwords, …) is one module in views/, one line in the table below and, if it
// belongs in the header, one link in index.html.
import * as api from './api.js';
import * as session from './session.js';
import { startRouter, go } from './router.js';
import { toast, describe } from './ui.js';
import { loginView, registerView, noticeAtLogin } from './views/auth.js';
import { contactListView } from './views/contact-list.js';
import { contactFormView } from './views/contact-form.js';
import { contactView } from './views/contact-view.js';
import { backupView } from './views/backup.js';
import { trashView } from './views/trash.js';
import { accountView } from './views/account.js';

const routes = [
  { path: '/login', view: loginView, public: true },
  { path: '/register', view: registerView, public: true },
  { path: '/contacts', view: contactListView },
  { path: '/contacts/new', view: contactFormView },
  { path: '/contacts/:id', view: contactView },
  { path: '/contacts/:id/edit', view: contactFormView },
  { path: '/backup', view: backupView },
  { path: '/trash', view: trashView },
  { path: '/account', view: accountView },
];

const nav = document.querySelector('.site-nav');
const navAvatar = document.querySelector('.site-nav__avatar');

session.onChange((user) => {
  nav.hidden = user === null;
  if (user?.avatarURL) navAvatar.src = user.avatarURL;
});

api.whenUnauthorized((error) => {
  session.end();
  noticeAtLogin(`${describe(error)}: your session has ended. Please log in again.`);
  go('/login');
});

document.querySelector('.site-nav__logout').addEventListener('click', async () => {
  try {
    await api.users.logout();
  } catch {
    // The token is dropped here whatever the service said: an expired one is as good as gone.
  }
  session.end();
  toast('You are logged out.');
  go('/login');
});

async function restoreSession() {
  if (!session.token()) return;
  try {
    const user = await api.users.current();
    session.start(session.token(), user);
  } catch {
    session.end();
  }
}

await restoreSession();
startRouter(routes);
