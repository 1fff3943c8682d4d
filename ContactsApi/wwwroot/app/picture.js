// A contact's picture: its initials at once, then its photo when it has one. The photo is the
// owner's only, so it is fetched with the token and shown from an object URL (the policy allows
// blob: images), which is let go as soon as the image has been decoded.
import * as api from './api.js';
import { h } from './dom.js';

export function initials(name) {
  const letters = name.trim().split(/\s+/).slice(0, 2).map((word) => [...word][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/** size: 'small' (the list) or 'large' (the contact); alt: the photo's text, "" where the name is next to it. */
export function contactPicture(contact, { size = 'small', alt = '' } = {}) {
  const holder = h('span', { class: `picture picture--${size}` },
    h('span', { class: 'picture__initials', 'aria-hidden': 'true' }, initials(contact.name)));
  if (contact.hasPhoto) showPhoto(holder, contact._id, alt);
  return holder;
}

async function showPhoto(holder, id, alt) {
  let blob;
  try {
    ({ blob } = await api.contacts.photo(id));
  } catch {
    return; // the initials stay: a photo that can't be fetched is no reason to show an error
  }
  const url = URL.createObjectURL(blob);
  const img = h('img', { class: 'picture__photo', src: url, alt });
  const release = () => URL.revokeObjectURL(url);
  img.addEventListener('load', () => {
    release();
    holder.replaceChildren(img);
  }, { once: true });
  img.addEventListener('error', release, { once: true });
}
