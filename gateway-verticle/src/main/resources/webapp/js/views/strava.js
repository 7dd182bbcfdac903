// Strava: connecting (Strava's consent page, then back at /strava/connected), the connection,
// syncing with its progress followed live (strava.sync events), and the activities imported.
import { api } from '../api.js';
import {
  announce, confirmDialog, errorBox, h, show,
} from '../dom.js';
import { live, on, settled } from '../events.js';
import { stamp } from '../stamp.js';
import { distance, duration, longDate, pace } from '../units.js';

const PAGE = 20;
const POLL_MS = 2000;
const SYNC_STATES = {
  queued: 'Waiting to start', running: 'Importing', waiting: 'Paused by Strava\'s rate limit', done: 'Done', failed: 'Failed',
};

// What coming back from Strava gave, shown once on the Strava screen.
let result = null;

/** Finishes connecting with the fields Strava sent the browser back with; the screen shows how it went. */
export async function finishConnecting(params) {
  const body = { state: params.get('state') || '' };
  for (const key of ['code', 'scope', 'error']) if (params.get(key)) body[key] = params.get(key);
  try {
    const connection = await api('POST', '/strava/callback', body);
    result = { ok: true, text: `Strava is connected: ${athleteName(connection.athlete)}.` };
  } catch (error) {
    result = { ok: false, text: body.error ? 'You did not allow the connection at Strava; nothing was connected.' : error.message };
  }
}

export async function render(main) {
  let connection = null;
  try {
    connection = await api('GET', '/strava/connection');
  } catch (error) {
    if (error.status === 503) {
      show(main, h('h1', null, 'Strava'), h('p', { class: 'empty' }, 'Strava is not available on this server.'));
      return;
    }
    if (error.status !== 404) throw error;
  }
  const banner = result ? h('div', { class: result.ok ? 'notice ok' : 'error', role: 'alert' }, h('p', null, result.text)) : null;
  result = null;
  if (!connection) {
    show(main, h('h1', null, 'Strava'), banner, connectCard());
    return;
  }
  const activities = activityList();
  let card = connectionCard(connection, main);
  // A sync done moves the last sync: the card is drawn again, the list loaded again.
  const synced = async () => {
    activities.load(true);
    try {
      const fresh = connectionCard(await api('GET', '/strava/connection'), main);
      card.replaceWith(fresh);
      card = fresh;
    } catch {
      // The card keeps what it showed; the next visit shows the new sync.
    }
  };
  show(main, h('h1', null, 'Strava'), banner, card, syncCard(synced), h('h2', null, 'Imported activities'), activities.element);
  await activities.load(true);
}

function athleteName(athlete) {
  return [athlete?.firstname, athlete?.lastname].filter(Boolean).join(' ') || `athlete ${athlete?.id}`;
}

function connectButton(text) {
  return h('button', {
    type: 'button', class: 'primary',
    onclick: async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try {
        const { authorize_url: url } = await api('GET', '/strava/auth', undefined, { headers: { Accept: 'application/json' } });
        location.assign(url);
      } catch (error) {
        button.disabled = false;
        button.after(errorBox(error));
      }
    },
  }, text);
}

function connectCard() {
  return h('section', { class: 'card', 'aria-labelledby': 'connect-h' },
    h('h2', { id: 'connect-h' }, 'Connect Strava'),
    h('p', null, 'Your runs recorded with Strava come in as runs here, matched to the day\'s workout. '
      + 'Other sports are listed but not counted as runs.'),
    h('p', { class: 'quiet' }, 'Strava asks you what to allow; you come back here afterwards.'),
    connectButton('Connect with Strava'));
}

function connectionCard(connection, main) {
  const state = {
    connected: null,
    needs_reconnect: 'Strava no longer accepts this connection: connect again to carry on importing.',
    app_inactive: 'Strava has paused this application; importing waits until it is active again.',
  }[connection.state];
  const card = h('section', { class: 'card', 'aria-labelledby': 'connection-h' },
    h('h2', { id: 'connection-h' }, 'Connected'),
    h('p', null, h('strong', null, athleteName(connection.athlete)),
      connection.athlete?.city ? ` · ${connection.athlete.city}` : ''),
    h('p', null, `Connected ${stamp(connection.connected_at)} · `,
      connection.last_sync_at ? `last synced ${stamp(connection.last_sync_at)}` : 'not synced yet'),
    h('p', { class: 'quiet' }, `Allowed: ${connection.granted_scope.join(', ') || 'nothing'}`),
    connection.notices.length ? h('ul', { class: 'notices' }, connection.notices.map((n) => h('li', null, n))) : null,
    state ? h('p', { class: 'notice', role: 'status' }, state) : null,
    h('div', { class: 'actions' },
      connection.state === 'needs_reconnect' ? connectButton('Connect again') : null,
      h('button', {
        type: 'button', class: 'danger',
        onclick: async () => {
          if (!await confirmDialog('Disconnect Strava? Strava\'s access is revoked, and every activity imported from '
            + 'Strava is deleted here, with the runs it made. Runs you logged yourself stay.', 'Disconnect')) return;
          card.querySelector('.error')?.remove();
          try {
            await api('DELETE', '/strava/connection');
            result = { ok: true, text: 'Strava is disconnected; its activities and the runs they made are deleted. Runs you logged yourself stay.' };
            await render(main);
          } catch (error) {
            card.append(errorBox(error));
          }
        },
      }, 'Disconnect Strava')));
  return card;
}

// A sync's progress, from strava.sync events; asked every 2 s only while the stream is down.
function syncCard(synced) {
  const progress = h('p', { role: 'status', class: 'progress' });
  let current = null;
  let timer = null;
  const showJob = (job) => {
    current = job;
    const parts = [SYNC_STATES[job.state] || job.state, `${job.pages} page${job.pages === 1 ? '' : 's'} read`, `${job.imported} imported`];
    if (job.skipped) parts.push(`${job.skipped} unchanged`);
    if (job.state === 'waiting' && job.waiting_until) parts.push(`carries on at ${stamp(job.waiting_until)}`);
    if (job.state === 'failed' && job.error?.detail) parts.push(job.error.detail);
    show(progress, h('span', { class: `badge ${job.state === 'done' ? 'ready' : job.state}` }, parts[0]), ` ${parts.slice(1).join(' · ')}`);
    progress.dataset.state = job.state;
    button.disabled = !['done', 'failed'].includes(job.state);
    if (job.state === 'done') {
      announce(`Strava sync done: ${job.imported} activities imported.`);
      synced();
    }
    watch();
  };
  const watch = () => {
    clearTimeout(timer);
    if (!current || ['done', 'failed'].includes(current.state) || live() || !progress.isConnected) return;
    timer = setTimeout(async () => {
      try {
        showJob(await api('GET', `/strava/sync/${current.sync_id}`));
      } catch {
        watch();
      }
    }, POLL_MS);
  };
  on('strava.sync', (job) => {
    if (!current || job.sync_id === current.sync_id) showJob({ ...current, ...job });
  }, progress);
  const button = h('button', {
    type: 'button', class: 'primary',
    onclick: async () => {
      progress.parentElement.querySelector('.error')?.remove();
      button.disabled = true;
      try {
        showJob(await api('POST', '/strava/sync'));
      } catch (error) {
        button.disabled = false;
        progress.after(errorBox(error));
      }
    },
  }, 'Sync now');
  return h('section', { class: 'card', 'aria-labelledby': 'sync-h' },
    h('h2', { id: 'sync-h' }, 'Sync'),
    h('p', { class: 'quiet' }, 'New activities come in by themselves; a sync fetches what is missing, your whole history the first time.'),
    h('div', { class: 'actions' }, button), progress);
}

// The imported activities, newest first; what the stream says was imported, changed or removed
// shows without a reload.
function activityList() {
  const list = h('ul', { class: 'plain activities' });
  const more = h('button', { type: 'button', hidden: true }, 'Show more');
  const element = h('div', null, list, more);
  let offset = 0;
  const load = async (reset) => {
    try {
      const page = await api('GET', `/strava/activities?limit=${reset ? Math.max(PAGE, offset) : PAGE}&offset=${reset ? 0 : offset}`);
      if (reset) { offset = 0; list.replaceChildren(); }
      offset += page.items.length;
      list.append(...page.items.map(activityItem));
      if (!page.total) list.append(h('li', { class: 'empty' }, 'No activity imported yet: sync to import your history.'));
      more.hidden = offset >= page.total;
    } catch (error) {
      element.querySelector('.error')?.remove();
      element.append(errorBox(error));
    }
  };
  more.addEventListener('click', () => load(false));
  const reload = settled(() => load(true));
  for (const type of ['strava.activity_imported', 'strava.run_imported', 'strava.activity_updated', 'strava.activity_removed',
    'strava.activities_purged']) on(type, reload, list);
  return { element, load };
}

function activityItem(activity) {
  const run = activity.is_run;
  return h('li', { class: `card activity${run ? ' is-run' : ''}` },
    h('p', null, h('strong', null, activity.name || activity.sport_type), ` · ${longDate(activity.local_date)}`),
    h('p', null, [activity.sport_type, distance(activity.distance_km), duration(activity.moving_minutes),
      run && activity.average_pace ? pace(activity.average_pace) : null].filter(Boolean).join(' · ')),
    h('p', { class: 'quiet' }, !run ? 'Not a run: listed, not counted'
      : activity.workout_id ? 'A run, matched to a planned workout'
        : activity.run_id ? 'A run, in your runs' : 'A run, not in your runs'),
    activity.private ? h('p', { class: 'quiet' }, 'Private at Strava') : null);
}
