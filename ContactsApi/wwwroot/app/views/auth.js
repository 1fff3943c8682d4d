// Log in and register. Both forms are novalidate: the API's own messages (the password rule,
// "Email in use", "Email or password is wrong") are what the person reads, not the browser's.
import * as api from '../api.js';
import * as session from '../session.js';
import { h, field } from '../dom.js';
import { go } from '../router.js';
import { heading } from '../screen.js';
import { errorBox, busy } from '../ui.js';

const PASSWORD_RULE = '8–16 characters: Latin letters (upper and lower case), digits and special characters, with at least one of each.';

let notice = null;

/** A message for the next login screen (why the person was sent there). */
export function noticeAtLogin(text) {
  notice = text;
}

async function logIn(email, password) {
  const { token, user } = await api.users.login(email, password);
  session.start(token, user);
  // Login answers email and subscription; the avatar comes with the current user.
  session.setUser(await api.users.current());
}

function credentialsForm({ submitLabel, passwordAutocomplete, passwordHint, onSubmit }) {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true, spellcheck: 'false' });
  const password = h('input', { type: 'password', name: 'password', autocomplete: passwordAutocomplete, required: true });
  const errors = errorBox();
  const form = h('form', { class: 'card form', novalidate: true },
    errors.element,
    field('Email', email),
    field('Password', password, passwordHint),
    h('button', { type: 'submit', class: 'button button--primary button--wide' }, submitLabel));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    try {
      await busy(form, () => onSubmit(email.value, password.value));
    } catch (error) {
      errors.show(error);
      (error.status === 401 || error.status === 409 ? password : email).focus();
    }
  });
  return { form, errors };
}

export const loginView = {
  render(root) {
    root.classList.add('screen--narrow');
    heading(root, 'Log in');
    const { form, errors } = credentialsForm({
      submitLabel: 'Log in',
      passwordAutocomplete: 'current-password',
      onSubmit: async (email, password) => {
        await logIn(email, password);
        go('/contacts');
      },
    });
    if (notice) {
      errors.show(notice);
      notice = null;
    }
    root.append(form, h('p', { class: 'form__aside' }, 'New here? ', h('a', { href: '#/register' }, 'Create an account')));
  },
};

export const registerView = {
  render(root) {
    root.classList.add('screen--narrow');
    heading(root, 'Create your account');
    const { form } = credentialsForm({
      submitLabel: 'Create account',
      passwordAutocomplete: 'new-password',
      passwordHint: PASSWORD_RULE,
      onSubmit: async (email, password) => {
        await api.users.register(email, password);
        await logIn(email, password);
        go('/contacts');
      },
    });
    root.append(form, h('p', { class: 'form__aside' }, 'Already have an account? ', h('a', { href: '#/login' }, 'Log in')));
  },
};
