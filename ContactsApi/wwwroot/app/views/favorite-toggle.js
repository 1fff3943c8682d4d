// The favorite star of a contact (in the list and on the contact): a toggle button whose pressed
// state is what the API answered, never what was hoped for.
import * as api from '../api.js';
import { h } from '../dom.js';
import { icon } from '../icons.js';
import { toast } from '../ui.js';

export function favoriteToggle(contact, onError, onStart = () => {}) {
  const star = h('button', {
    type: 'button',
    class: 'icon-button favorite-toggle',
    'aria-pressed': String(contact.favorite),
    'aria-label': `Favorite: ${contact.name}`,
    title: 'Favorite',
  }, icon('star'));
  star.addEventListener('click', async () => {
    onStart();
    try {
      const updated = await api.contacts.setFavorite(contact._id, star.getAttribute('aria-pressed') !== 'true');
      star.setAttribute('aria-pressed', String(updated.favorite));
      toast(updated.favorite ? `${updated.name} is a favorite.` : `${updated.name} is no longer a favorite.`);
    } catch (error) {
      onError(error);
    }
  });
  return star;
}
