// The public API, as any third-party client calls it: JSON bodies, a bearer token, and RFC 9457
// problems whose `message` is meant for people. Each endpoint is one small function below; a new
// endpoint (vCard import, trash, history, app passwords) is one more of them.
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

async function request(method, path, { json, form, query } = {}) {
  const headers = { Accept: 'application/json' };
  const bearer = session.token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    body = form; // FormData: the browser writes the multipart boundary itself.
  }
  const url = query ? `${path}?${new URLSearchParams(query)}` : path;

  let response;
  try {
    response = await fetch(url, { method, headers, body });
  } catch {
    throw new ApiError(0, 'The service could not be reached. Check your connection and try again.');
  }
  const payload = await readBody(response);
  if (response.ok) return payload;

  const message = payload?.message ?? `The service answered ${response.status} ${response.statusText}`.trim();
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  const error = new ApiError(response.status, message, Number.isFinite(retryAfter) ? retryAfter : null);
  if (response.status === 401 && bearer) onUnauthorized(error);
  throw error;
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

export const contacts = {
  /** query: { page, limit, sort, order, name?, email?, phone?, favorite? } → { page, per_page, total, data } */
  list: (query) => request('GET', '/api/contacts', { query }),
  get: (id) => request('GET', `/api/contacts/${encodeURIComponent(id)}`),
  create: (contact) => request('POST', '/api/contacts', { json: contact }),
  update: (id, fields) => request('PUT', `/api/contacts/${encodeURIComponent(id)}`, { json: fields }),
  remove: (id) => request('DELETE', `/api/contacts/${encodeURIComponent(id)}`),
  setFavorite: (id, favorite) => request('PATCH', `/api/contacts/${encodeURIComponent(id)}/favorite`, { json: { favorite } }),
};
