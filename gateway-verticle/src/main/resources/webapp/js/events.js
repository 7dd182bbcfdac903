// The caller's live events (GET /api/v1/events, Server-Sent Events): one stream per tab while a
// session is open. EventSource cannot send the bearer token, so the stream is read with fetch;
// when it ends (the token expired, the network dropped) it is opened again with a fresh token and
// Last-Event-ID, and the gateway first sends what was missed.
import { onSession, openStream, refresh, signedIn } from './api.js';

const MAX_WAIT_MS = 30_000;
const subscribers = new Map();
const liveListeners = new Set();
let controller = null;
let lastId = null;
let retryMs = 3000;
let up = false;

/**
 * Calls the handler with the data of each event of the type, for as long as the owner element is
 * in the page (a screen's element: leaving the screen ends the subscription). Returns a function
 * that ends it earlier.
 */
export function on(type, handler, owner) {
  const entry = { handler, owner };
  if (!subscribers.has(type)) subscribers.set(type, new Set());
  subscribers.get(type).add(entry);
  return () => subscribers.get(type).delete(entry);
}

/** Whether the stream is open now: when it is not, a screen falls back to asking. */
export function live() {
  return up;
}

/** Calls the listener with true when the stream opens, false when it drops; returns a function that stops it. */
export function onLive(listener) {
  liveListeners.add(listener);
  return () => liveListeners.delete(listener);
}

function setUp(value) {
  if (up === value) return;
  up = value;
  liveListeners.forEach((listener) => listener(value));
}

function dispatch(type, id, data) {
  if (id) lastId = id;
  let parsed;
  try {
    parsed = JSON.parse(data || '{}');
  } catch {
    return;
  }
  for (const entry of subscribers.get(type) || []) {
    if (entry.owner && !entry.owner.isConnected) subscribers.get(type).delete(entry);
    else entry.handler(parsed);
  }
}

// Parses the text/event-stream format: fields up to a blank line make one event; comments (the
// heartbeats) and unknown fields are skipped.
async function read(response, signal) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { type: 'message', data: [], id: null };
  while (!signal.aborted) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === '') {
        if (event.data.length) dispatch(event.type, event.id, event.data.join('\n'));
        event = { type: 'message', data: [], id: null };
        continue;
      }
      const colon = line.indexOf(':');
      if (colon === 0) continue;
      const name = colon < 0 ? line : line.slice(0, colon);
      const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'event') event.type = text;
      else if (name === 'data') event.data.push(text);
      else if (name === 'id') event.id = text;
      else if (name === 'retry' && /^\d+$/.test(text)) retryMs = Number(text);
    }
  }
}

const pause = (ms, signal) => new Promise((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
});

// Keeps the stream open until the session ends; each failure in a row waits longer, up to 30 s.
async function run(signal) {
  let failures = 0;
  while (!signal.aborted && signedIn()) {
    try {
      const response = await openStream('/events', {
        Accept: 'text/event-stream', ...(lastId ? { 'Last-Event-ID': lastId } : {}),
      }, signal);
      if (response.status === 401) {
        if (!await refresh()) break;
      } else if (response.ok) {
        failures = 0;
        setUp(true);
        await read(response, signal);
      } else {
        failures += 1;
      }
    } catch {
      failures += 1;
    }
    setUp(false);
    await pause(Math.min(MAX_WAIT_MS, retryMs * 2 ** failures), signal);
  }
  if (controller?.signal === signal) controller = null;
}

function start() {
  stop();
  controller = new AbortController();
  run(controller.signal);
}

function stop() {
  controller?.abort();
  controller = null;
  lastId = null;
  setUp(false);
}

// A session reports itself open again at every token refresh: the stream already open carries on
// (it ends when its token expires, and reopens with the new one).
onSession((open) => { if (!open) stop(); else if (!controller) start(); });

/** The function, called once a burst of calls has settled (a sync imports many runs at once). */
export function settled(fn, ms = 300) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
