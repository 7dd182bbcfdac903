// The app's shell: which screen the address shows, and whether a session is open.
import { api, logout, onSession, refresh, signedIn } from './api.js';
import { h, show } from './dom.js';
import { useSettings } from './units.js';

// Each screen is a module of its own, fetched when first shown: the first page loads only this.
const SCREENS = {
  '': () => import('./views/home.js'),
  plans: () => import('./views/plans.js'),
  plan: () => import('./views/calendar.js'),
  generate: () => import('./views/generate.js'),
  planedit: () => import('./views/planedit.js'),
  progress: () => import('./views/progress.js'),
  runs: () => import('./views/runs.js'),
  run: () => import('./views/runedit.js'),
  print: () => import('./views/print.js'),
  settings: () => import('./views/settings.js'),
  login: () => import('./views/auth.js'),
  register: () => import('./views/auth.js'),
};
const PUBLIC = new Set(['login', 'register']);
// The nav link a screen belongs under.
const SECTION = { plan: 'plans', generate: 'plans', planedit: 'plans', progress: 'plans', run: 'runs' };

const main = document.getElementById('main');
const top = document.getElementById('top');

function route() {
  const [name = '', ...params] = location.hash.replace(/^#\/?/, '').split('/');
  // #/plans/generate makes one; #/plans/<id>/edit and #/plans/<id>/progress are a plan's other pages.
  if (name === 'plans' && params[0] === 'generate') return { name: 'generate', params: [] };
  if (name === 'plans' && ['edit', 'progress'].includes(params[1])) return { name: params[1] === 'edit' ? 'planedit' : 'progress', params };
  // #/plans/<id> is one plan's calendar, #/runs/<id> one run.
  if (name === 'plans' && params.length) return { name: 'plan', params };
  if (name === 'runs' && params.length) return { name: 'run', params };
  return { name, params };
}

async function render() {
  let { name, params } = route();
  if (!(name in SCREENS)) name = '';
  if (!signedIn() && !PUBLIC.has(name)) {
    location.replace('#/login');
    return;
  }
  if (signedIn() && PUBLIC.has(name)) {
    location.replace('#/');
    return;
  }
  top.hidden = !signedIn();
  document.querySelectorAll('nav a').forEach((link) => {
    const current = link.getAttribute('href') === `#/${SECTION[name] || name}`;
    if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  });
  show(main, h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  try {
    const screen = await SCREENS[name]();
    await screen.render(main, { name, params });
    document.title = `${main.querySelector('h1')?.textContent || ''} · Running Trainer`;
  } catch (error) {
    show(main, h('h1', null, 'Something went wrong'), h('p', { class: 'error', role: 'alert' }, error.message));
  }
  main.focus();
}

async function loadSettings() {
  try {
    useSettings(await api('GET', '/athlete'));
  } catch {
    // The defaults (km, Monday, UTC) serve until the trainer answers.
  }
}

onSession(async (open) => {
  if (open) await loadSettings();
});

// The session's end shows the login screen (the listener below).
document.getElementById('logout').addEventListener('click', () => logout());

async function start() {
  if (location.pathname === '/verify-email') {
    (await import('./views/verify.js')).render(main);
    return;
  }
  await refresh();
  window.addEventListener('hashchange', render);
  onSession((open) => { if (!open) location.replace('#/login'); });
  await render();
}

start();
