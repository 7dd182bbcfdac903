// The app's shell: which screen the address shows, and whether a session is open.
import { api, logout, onSession, refresh, signedIn } from './api.js';
import { h, show } from './dom.js';
import { useSettings } from './units.js';

// Each screen is a module of its own, fetched when first shown: the first page loads only this.
const SCREENS = {
  '': () => import('./views/home.js'),
  plans: () => import('./views/plans.js'),
  plan: () => import('./views/calendar.js'),
  runs: () => import('./views/runs.js'),
  print: () => import('./views/print.js'),
  settings: () => import('./views/settings.js'),
  login: () => import('./views/auth.js'),
  register: () => import('./views/auth.js'),
  forgot: () => import('./views/reset.js'),
  account: () => import('./views/account.js'),
};
const PUBLIC = new Set(['login', 'register', 'forgot']);

const main = document.getElementById('main');
const top = document.getElementById('top');

function route() {
  const [name = '', ...params] = location.hash.replace(/^#\/?/, '').split('/');
  // #/plans/<id> is one plan's calendar.
  if (name === 'plans' && params.length) return { name: 'plan', params };
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
    const current = link.getAttribute('href') === `#/${name === 'plan' ? 'plans' : name}`;
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
  if (location.pathname === '/confirm-email') {
    (await import('./views/email.js')).render(main);
    return;
  }
  if (location.pathname === '/reset-password') {
    (await import('./views/reset.js')).render(main);
    return;
  }
  await refresh();
  window.addEventListener('hashchange', render);
  onSession((open) => { if (!open) location.replace('#/login'); });
  await render();
}

start();
