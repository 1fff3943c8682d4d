// The public API, as any third-party client calls it: JSON bodies, a bearer token, and RFC 9457
// problems whose `message` is meant for people. Each endpoint is one small function below; a new
// endpoint is one more of them.
import * as session from './session.js';

/** A refused request: `message` is the contract's text, safe and meant to be shown to the person. */
export class ApiError extends Error {
  constructor(status, message, retryAfterSeconds = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

let onUnauthorized = () => {};

/** Called when a request with a token answers 401: the session is over (expired, revoked, user gone). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

async function request(method, path, { json, form, query, raw = false } = {}) {
  const headers = { Accept: raw ? '*/*' : 'application/json' };
  const bearer = session.token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    body = form; // FormData: the browser writes the multipart boundary itself.
  }
  const search = new URLSearchParams(Object.entries(query ?? {}).filter(([, value]) => value !== undefined && value !== null)).toString();
  const url = search ? `${path}?${search}` : path;

  let response;
  try {
    response = await fetch(url, { method, headers, body });
  } catch {
    throw new ApiError(0, 'The service could not be reached. Check your connection and try again.');
  }
  if (raw && response.ok) return response;
  const payload = await readBody(response);
  if (response.ok) return payload;

  const message = payload?.message ?? `The service answered ${response.status} ${response.statusText}`.trim();
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  const error = new ApiError(response.status, message, Number.isFinite(retryAfter) ? retryAfter : null);
  if (response.status === 401 && bearer) onUnauthorized(error);
  throw error;
}

/** A file the API sends (a photo, a vCard): its bytes as a Blob and the name it suggests. */
async function download(path, query) {
  const response = await request('GET', path, { query, raw: true });
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? null;
  try {
    return { blob: await response.blob(), fileName };
  } catch {
    throw new ApiError(0, 'The download was cut short. Check your connection and try again.');
  }
}

async function readBody(response) {
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export const users = {
  register: (email, password) => request('POST', '/api/users/register', { json: { email, password } }),
  login: (email, password) => request('POST', '/api/users/login', { json: { email, password } }),
  logout: () => request('POST', '/api/users/logout'),
  current: () => request('GET', '/api/users/current'),
  setSubscription: (subscription) => request('PATCH', '/api/users', { json: { subscription } }),
  uploadAvatar(file) {
    const form = new FormData();
    form.append('avatar', file);
    return request('PATCH', '/api/users/avatars', { form });
  },
};

/** The app passwords CardDAV clients sign in with: the password itself only in create's answer. */
export const appPasswords = {
  list: () => request('GET', '/api/users/app-passwords'),
  create: (name) => request('POST', '/api/users/app-passwords', { json: { name } }),
  revoke: (id) => request('DELETE', `/api/users/app-passwords/${encodeURIComponent(id)}`),
};

export const contacts = {
  /** query: { page, limit, sort, order, name?, email?, phone?, favorite? } → { page, per_page, total, data } */
  list: (query) => request('GET', '/api/contacts', { query }),
  get: (id) => request('GET', `/api/contacts/${encodeURIComponent(id)}`),
  create: (contact) => request('POST', '/api/contacts', { json: contact }),
  update: (id, fields) => request('PUT', `/api/contacts/${encodeURIComponent(id)}`, { json: fields }),
  remove: (id) => request('DELETE', `/api/contacts/${encodeURIComponent(id)}`),
  setFavorite: (id, favorite) => request('PATCH', `/api/contacts/${encodeURIComponent(id)}/favorite`, { json: { favorite } }),
  /** The contact's photo (owner only, so fetched with the token, never as an <img src>) → { blob }. */
  photo: (id) => download(`/api/contacts/${encodeURIComponent(id)}/photo`),
  /** One contact as a .vcf → { blob, fileName }. */
  card: (id, version) => download(`/api/contacts/${encodeURIComponent(id)}/vcard`, { version }),
  /** Puts the whole book back as it was at `to` (an ISO instant) → { reverted, restored, trashed } */
  undo: (to) => request('POST', '/api/contacts/undo', { json: { to } }),
};

/** Deleted contacts, kept for the service's retention: listed, restored, or deleted for good. */
export const trash = {
  /** query: { page, limit } → { page, per_page, total, data: [contact + deletedAt] } */
  list: (query) => request('GET', '/api/contacts/trash', { query }),
  restore: (id) => request('POST', `/api/contacts/trash/${encodeURIComponent(id)}/restore`),
  remove: (id) => request('DELETE', `/api/contacts/trash/${encodeURIComponent(id)}`),
  empty: () => request('DELETE', '/api/contacts/trash'),
};

export const backup = {
  /** A .vcf file as the multipart field `file` → { created, updated, unchanged, failed: [{ index, line, reason }] } */
  importCards(file) {
    const form = new FormData();
    form.append('file', file);
    return request('POST', '/api/contacts/import', { form });
  },
  /** Every contact as a .vcf in vCard 3.0 or 4.0 → { blob, fileName }. */
  exportCards: (version) => download('/api/contacts/export', { version }),
};
