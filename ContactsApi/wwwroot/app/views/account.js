// The account: who is signed in, the avatar (upload with a preview first), the subscription,
// and syncing a phone over CardDAV with an app password of its own.
import * as api from '../api.js';
import * as session from '../session.js';
import { h, field } from '../dom.js';
import { heading } from '../screen.js';
import { errorBox, busy, toast } from '../ui.js';
import { appPasswordsSection } from './app-passwords.js';

const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
const SUBSCRIPTIONS = [['starter', 'Starter'], ['pro', 'Pro'], ['business', 'Business']];

export const accountView = {
  render(root) {
    root.classList.add('screen--narrow');
    heading(root, 'Account');
    const user = session.currentUser();
    root.append(
      h('p', { class: 'account__email' }, 'Signed in as ', h('strong', {}, user.email)),
      avatarSection(user),
      subscriptionSection(user),
      appPasswordsSection(user));
  },
};

function avatarSection(user) {
  const current = h('img', { class: 'avatar avatar--large', src: user.avatarURL, alt: 'Your avatar', width: '96', height: '96' });
  const preview = h('img', { class: 'avatar avatar--large', alt: 'Preview of the new avatar', width: '96', height: '96' });
  const previewFigure = h('figure', { class: 'avatar-preview' }, preview, h('figcaption', {}, 'Preview'));
  previewFigure.hidden = true;
  const input = h('input', { type: 'file', name: 'avatar', accept: AVATAR_TYPES.join(',') });
  const upload = h('button', { type: 'submit', class: 'button button--primary', disabled: true }, 'Upload avatar');
  const errors = errorBox();
  const form = h('form', { class: 'card form', 'aria-labelledby': 'avatar-title' },
    h('h2', { id: 'avatar-title', class: 'card__title' }, 'Avatar'),
    errors.element,
    h('div', { class: 'avatar-pair' }, current, previewFigure),
    field('Choose a picture', input, 'PNG, JPEG, WebP or GIF, at most 5 MB. It is cropped to a square.'),
    h('div', { class: 'form__actions' }, upload));

  let previewUrl = null;
  function clearPreview() {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = null;
    preview.removeAttribute('src');
    previewFigure.hidden = true;
  }

  input.addEventListener('change', () => {
    errors.clear();
    clearPreview();
    const file = input.files[0];
    upload.disabled = !file;
    if (!file) return;
    if (file.size > AVATAR_MAX_BYTES) {
      // Saves sending megabytes only to hear 413; the service checks again in any case.
      errors.show('The picture is larger than 5 MB. Choose a smaller one.');
      upload.disabled = true;
      return;
    }
    if (AVATAR_TYPES.includes(file.type)) {
      previewUrl = URL.createObjectURL(file);
      preview.src = previewUrl;
      previewFigure.hidden = false;
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    const file = input.files[0];
    if (!file) return;
    try {
      const { avatarURL } = await busy(form, () => api.users.uploadAvatar(file));
      current.src = avatarURL;
      session.setUser({ avatarURL });
      clearPreview();
      input.value = '';
      upload.disabled = true;
      toast('Your avatar was updated.');
    } catch (error) {
      errors.show(error);
      errors.element.focus();
    }
  });
  return form;
}

function subscriptionSection(user) {
  const choice = h('select', { name: 'subscription' },
    SUBSCRIPTIONS.map(([value, text]) => h('option', { value, selected: value === user.subscription }, text)));
  const errors = errorBox();
  const form = h('form', { class: 'card form', 'aria-labelledby': 'subscription-title' },
    h('h2', { id: 'subscription-title', class: 'card__title' }, 'Subscription'),
    errors.element,
    field('Plan', choice),
    h('div', { class: 'form__actions' }, h('button', { type: 'submit', class: 'button button--primary' }, 'Change plan')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    try {
      const { subscription } = await busy(form, () => api.users.setSubscription(choice.value));
      session.setUser({ subscription });
      toast(`Your plan is now ${subscription}.`);
    } catch (error) {
      errors.show(error);
      errors.element.focus();
    }
  });
  return form;
}
