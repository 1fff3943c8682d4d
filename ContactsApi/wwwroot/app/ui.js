// Pieces every screen shares: the error box of a form, the status toast, the confirm dialog, a
// file download, and how a refusal from the API is put into words.
import { h } from './dom.js';
import { ApiError } from './api.js';

/** The API's own message, plus when to try again for 429 (Retry-After, in seconds). */
export function describe(error) {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.status === 429 && error.retryAfterSeconds !== null) {
    return `${error.message} (try again in ${duration(error.retryAfterSeconds)}).`;
  }
  return error.message;
}

function duration(seconds) {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** An error box for one form: empty and hidden until show(); role=alert reads it out when it fills. */
export function errorBox() {
  const box = h('div', { class: 'error-box', role: 'alert', tabindex: '-1' });
  box.hidden = true;
  return {
    element: box,
    show(error) {
      box.textContent = typeof error === 'string' ? error : describe(error);
      box.hidden = false;
    },
    clear() {
      box.textContent = '';
      box.hidden = true;
    },
  };
}

let toastTimer;
/**
 * A short confirmation in the page's live region ("Contact saved"), gone after 4 seconds. With an
 * action ({ label: 'Undo', run }) it has a button and stays 10 seconds, and never while the pointer
 * or the focus is on it; what the action does is always also possible elsewhere (the trash), so the
 * time limit takes nothing away.
 */
export function toast(message, action = null) {
  const region = document.querySelector('.toast');
  clearTimeout(toastTimer);
  const text = h('span', { class: 'toast__text' }, message);
  if (!action) {
    region.replaceChildren(text);
  } else {
    const button = h('button', { type: 'button', class: 'toast__action' }, action.label);
    button.addEventListener('click', () => {
      hide();
      action.run();
    }, { once: true });
    region.replaceChildren(text, button);
  }
  region.classList.add('toast--visible');
  const hide = () => {
    clearTimeout(toastTimer);
    region.classList.remove('toast--visible');
    region.replaceChildren();
  };
  const later = () => {
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => {
      if (region.matches(':hover, :focus-within')) later();
      else hide();
    }, action ? 10_000 : 4_000);
  };
  later();
}

/**
 * A modal confirm (<dialog>): resolves true when the person confirms. Focus starts on Cancel, so
 * Enter alone never deletes, and returns to where it was when the dialog closes.
 */
export function confirmDialog({ title, text, confirmLabel }) {
  return new Promise((resolve) => {
    const titleId = 'confirm-title';
    const cancel = h('button', { type: 'button', class: 'button button--quiet', value: 'cancel' }, 'Cancel');
    const confirm = h('button', { type: 'button', class: 'button button--danger', value: 'confirm' }, confirmLabel);
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
      h('h2', { id: titleId, class: 'dialog__title' }, title),
      h('p', {}, text),
      h('div', { class: 'dialog__actions' }, cancel, confirm));
    const opener = document.activeElement;
    cancel.addEventListener('click', () => dialog.close('cancel'));
    confirm.addEventListener('click', () => dialog.close('confirm'));
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      resolve(dialog.returnValue === 'confirm');
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

/** Hands a file to the browser's downloads, as a link with `download` would. */
export function saveFile(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the bytes long before; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Disables a form's controls (or a group's buttons) while a request runs, so a double click sends nothing twice. */
export async function busy(form, work) {
  const controls = [...(form.elements ?? form.querySelectorAll('button, input, select, textarea'))].filter((control) => !control.disabled);
  form.setAttribute('aria-busy', 'true');
  for (const control of controls) control.disabled = true;
  try {
    return await work();
  } finally {
    for (const control of controls) control.disabled = false;
    form.removeAttribute('aria-busy');
  }
}
