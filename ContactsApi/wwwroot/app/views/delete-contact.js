// Deleting a contact, the same from every screen that offers it: a confirm first, then the API,
// which moves it to the trash; the toast that says so has Undo, which restores it from there.
import * as api from '../api.js';
import { confirmDialog, toast, describe } from '../ui.js';

/**
 * Resolves true once the contact is deleted, false if the person cancelled; an ApiError if the API
 * refused. onRestored runs after an Undo has brought the contact back.
 */
export async function deleteContact(contact, onRestored) {
  const sure = await confirmDialog({
    title: `Delete ${contact.name}?`,
    text: 'The contact moves to the trash, where it can be restored for a while.',
    confirmLabel: 'Delete',
  });
  if (!sure) return false;
  await api.contacts.remove(contact._id);
  toast(`${contact.name} was deleted.`, {
    label: 'Undo',
    async run() {
      try {
        await api.trash.restore(contact._id);
        toast(`${contact.name} is back.`);
        onRestored();
      } catch (error) {
        toast(`${contact.name} could not be restored: ${describe(error)}`);
      }
    },
  });
  return true;
}
