// The API's client: the access token lives here, in memory only; the refresh token is an
// HttpOnly cookie that only the refresh operation receives (X-Session: cookie).
const BASE = '/api/v1';
const SESSION = { 'X-Session': 'cookie' };

let accessToken = null;
let refreshing = null;
let refreshTimer = null;
const listeners = new Set();

/** A failed call, with the problem details the API answered. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `The request failed (${status})`);
    this.status = status;
    this.fields = problem.errors || [];
  }
}

/** Called with true when a session starts, false when it ends. */
export function onSession(listener) {
  listeners.add(listener);
}

export function signedIn() {
  return accessToken !== null;
}

// Resolves once every listener has seen the change (the athlete's settings loaded, say).
async function adopt(tokens) {
  accessToken = tokens ? tokens.access_token : null;
  clearTimeout(refreshTimer);
  if (tokens) {
    // A minute before the access token expires, a new one: a page left open stays signed in.
    refreshTimer = setTimeout(refresh, Math.max(10, tokens.expires_in - 60) * 1000);
  }
  await Promise.all([...listeners].map((listener) => listener(accessToken !== null)));
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { detail: response.status >= 500 ? 'The service is not answering; try again in a moment.' : response.statusText };
  }
}

async function send(method, path, body, headers) {
  const init = { method, headers: { ...headers }, credentials: 'same-origin' };
  if (accessToken) init.headers.Authorization = `Bearer ${accessToken}`;
  if (body instanceof Blob) {
    // A file as it is (a logo): its own media type, no JSON.
    init.headers['Content-Type'] = body.type;
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  try {
    return await fetch(BASE + path, init);
  } catch {
    throw new ApiError(0, { detail: 'The platform cannot be reached; check your connection.' });
  }
}

/**
 * Exchanges the session cookie for an access token; one exchange at a time, since a refresh
 * token works once and a second use would end the session. Resolves whether a session is open.
 */
export function refresh() {
  if (!refreshing) {
    refreshing = oneTabAtATime(() => send('POST', '/auth/refresh', undefined, SESSION))
      .then(async (response) => {
        await adopt(response.ok ? await response.json() : null);
        return response.ok;
      })
      .catch(() => false)
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

// Every tab of the app shares the one cookie: two tabs exchanging it at once would present the
// same token twice, which ends the session. Under a lock, the second sends the cookie the first got.
function oneTabAtATime(exchange) {
  return navigator.locks ? navigator.locks.request('running-trainer-refresh', exchange) : exchange();
}

export async function login(email, password) {
  const response = await send('POST', '/auth/login', { email, password }, SESSION);
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  await adopt(await response.json());
}

export async function logout() {
  try {
    await send('POST', '/auth/logout', undefined, {});
  } finally {
    await adopt(null);
  }
}

/**
 * Calls an operation: the parsed JSON answer, null for no content, or the raw response when
 * {@code raw} (a PDF). An expired access token is refreshed once, and the call sent again.
 */
export async function api(method, path, body, { raw = false, headers = {} } = {}) {
  let response = await send(method, path, body, headers);
  if (response.status === 401 && accessToken && await refresh()) {
    response = await send(method, path, body, headers);
  }
  if (response.status === 401 && !path.startsWith('/auth/')) await adopt(null);
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (raw) return response;
  return (response.headers.get('Content-Type') || '').includes('json') ? response.json() : null;
}

/** Every item of a list operation, page by page (lists answer at most 100 at a time). */
export async function all(path) {
  const items = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let offset = 0; ; offset += 100) {
    const page = await api('GET', `${path}${separator}limit=100&offset=${offset}`);
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

/**
 * Opens a long-lived response (the event stream) with the access token; the raw response, or a
 * failure when the platform cannot be reached. The caller reads its body and ends it by the signal.
 */
export function openStream(path, headers, signal) {
  return fetch(BASE + path, {
    headers: { ...headers, Authorization: `Bearer ${accessToken}` }, credentials: 'same-origin', signal, cache: 'no-store',
  });
}
