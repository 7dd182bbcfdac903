// The app's shell: which screen the address shows, and whether a session is open.
import { api, logout, onSession, refresh, signedIn } from './api.js';
import { h, show } from './dom.js';
import { useSettings } from './units.js';
import './coaching.js';
import './events.js';

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
  coaching: () => import('./views/shares.js'),
  athletes: () => import('./views/coaches.js'),
  invitations: () => import('./views/coaches.js'),
  athlete: () => import('./views/athlete.js'),
  branding: () => import('./views/branding.js'),
  strava: () => import('./views/strava.js'),
  login: () => import('./views/auth.js'),
  register: () => import('./views/auth.js'),
  forgot: () => import('./views/reset.js'),
  account: () => import('./views/account.js'),
};
const PUBLIC = new Set(['login', 'register', 'forgot']);
// The nav link a screen belongs under.
const SECTION = {
  plan: 'plans', generate: 'plans', planedit: 'plans', progress: 'plans', run: 'runs',
  athlete: 'athletes', invitations: 'athletes', branding: 'athletes',
};
// Where a signed-out visitor was going: the screen they see once they have logged in.
const RETURN_TO = 'return-to';

const main = document.getElementById('main');
const top = document.getElementById('top');

function route() {
  const [name = '', ...params] = location.hash.replace(/^#\/?/, '').split('/');
  // #/plans/generate makes one; #/plans/<id>/edit and #/plans/<id>/progress are a plan's other pages.
  if (name === 'plans' && params[0] === 'generate') return { name: 'generate', params: [] };
  if (name === 'plans' && ['edit', 'progress'].includes(params[1])) return { name: params[1] === 'edit' ? 'planedit' : 'progress', params };
  // #/plans/<id> is one plan's calendar, #/runs/<id> one run.
  if (name === 'plans' && params.length) return { name: 'plan', params };
  // #/athletes/<athlete id>[/plans/<plan id>] is a coach's view of one athlete's training.
  if (name === 'athletes' && params.length) return { name: 'athlete', params };
  if (name === 'runs' && params.length) return { name: 'run', params };
  return { name, params };
}

async function render() {
  let { name, params } = route();
  if (!(name in SCREENS)) name = '';
  if (!signedIn() && !PUBLIC.has(name)) {
    if (name) sessionStorage.setItem(RETURN_TO, location.hash);
    location.replace('#/login');
    return;
  }
  const returnTo = signedIn() && sessionStorage.getItem(RETURN_TO);
  if (returnTo) {
    sessionStorage.removeItem(RETURN_TO);
    if (returnTo !== location.hash) {
      location.replace(returnTo);
      return;
    }
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
  // Renders overlap when the address changes while a screen still waits for the API (a logout
  // during a load, say): each draws into a view of its own, and a view no longer shown stays detached.
  const view = h('div', { class: 'view' }, h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  show(main, view);
  try {
    const screen = await SCREENS[name]();
    await screen.render(view, { name, params });
  } catch (error) {
    show(view, h('h1', null, 'Something went wrong'), h('p', { class: 'error', role: 'alert' }, error.message));
  }
  if (view.parentNode !== main) return;
  document.title = `${view.querySelector('h1')?.textContent || ''} · Running Trainer`;
  main.focus();
}

async function loadSettings() {
  try {
    useSettings(await api('GET', '/athlete'));
  } catch {
    // The defaults (km, Monday, UTC) serve until the trainer answers.
  }
}

// The Strava screen is offered only where the server has a Strava application (503 otherwise).
async function offerStrava() {
  let offered = true;
  try {
    await api('GET', '/strava/connection');
  } catch (error) {
    offered = error.status === 404;
  }
  document.getElementById('nav-strava').hidden = !offered;
}

onSession(async (open) => {
  if (open) await Promise.all([loadSettings(), offerStrava()]);
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
  // The mailed invitation's link: the coach's invitations, after a login when needed.
  if (location.pathname === '/coaching/invitations') history.replaceState(null, '', '/#/invitations');
  await refresh();
  if (location.pathname === '/strava/connected') {
    // Strava sent the browser back here: the fields go to the strava service, the result to #/strava.
    await (await import('./views/strava.js')).finishConnecting(new URLSearchParams(location.search));
    history.replaceState(null, '', '/#/strava');
  }
  window.addEventListener('hashchange', render);
  onSession((open) => { if (!open) location.replace('#/login'); });
  await render();
}

start();
