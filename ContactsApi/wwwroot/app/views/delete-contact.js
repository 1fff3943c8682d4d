// Deleting a contact, the same from every screen that offers it: a confirm first, then the API.
import * as api from '../api.js';
import { confirmDialog, toast } from '../ui.js';

/** Resolves true once the contact is deleted, false if the person cancelled; an ApiError if the API refused. */
export async function deleteContact(contact) {
  const sure = await confirmDialog({
    title: `Delete ${contact.name}?`,
    text: 'The contact and everything on its card are removed from your backup.',
    confirmLabel: 'Delete',
  });
  if (!sure) return false;
  await api.contacts.remove(contact._id);
  toast(`${contact.name} was deleted.`);
  return true;
}
