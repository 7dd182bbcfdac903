// Logging in and registering; both end in a session (unless the platform wants the email verified first).
import { api, login } from '../api.js';
import { field, h, show, submitting } from '../dom.js';

// Why a login with a provider came back to this page (#/login/oauth-<status>), by the status auth gave.
const PROVIDER_FAILURES = {
  400: 'That sign-in took too long or was used already: start it again.',
  401: 'The provider did not sign you in (perhaps it was declined there). Try again, or log in with your password.',
  409: 'An account already has this email, and is not linked to this sign-in because the email is not verified. '
    + 'Log in with your password, or use “Forgot your password?”: the mailed link verifies the email. Then sign in '
    + 'with the provider again.',
  502: 'The provider is not answering: try again in a moment.',
};

export function render(main, { name, params = [] }) {
  if (name === 'register') registerScreen(main);
  else loginScreen(main, null, failure(params[0]));
}

function failure(param) {
  const status = /^oauth-(\d{3})$/.exec(param || '')?.[1];
  if (!status) return null;
  return PROVIDER_FAILURES[status] || 'Signing in with the provider failed: try again, or log in with your password.';
}

function loginScreen(main, notice, problem) {
  const form = submitting(h('form', { class: 'card narrow', novalidate: true },
    notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
    field('Email', { type: 'email', name: 'email', autocomplete: 'username', required: true }),
    field('Password', { type: 'password', name: 'password', autocomplete: 'current-password', required: true }),
    h('button', { type: 'submit', class: 'primary' }, 'Log in')), async (data) => {
    await login(data.get('email'), data.get('password'));
    location.hash = '#/';
  });
  const providers = h('div', { class: 'providers narrow', hidden: true });
  show(main, h('h1', null, 'Log in'),
    problem ? h('p', { class: 'error narrow', role: 'alert' }, problem) : null,
    form, providers,
    h('p', { class: 'narrow' }, h('a', { href: '#/forgot' }, 'Forgot your password?')),
    h('p', { class: 'narrow' }, 'New here? ', h('a', { href: '#/register' }, 'Create an account')));
  offerProviders(providers);
}

const PROVIDER_NAMES = { google: 'Google', strava: 'Strava' };

// Only the providers the platform has configured are offered; without an answer, none is.
async function offerProviders(box) {
  let names = [];
  try {
    names = (await api('GET', '/auth/oauth/providers')).providers.filter((name) => name in PROVIDER_NAMES);
  } catch {
    return;
  }
  if (!names.length) return;
  show(box, h('p', null, 'Or'), h('ul', { class: 'plain actions' }, names.map((name) => h('li', null,
    h('a', { class: 'button', href: `/api/v1/auth/oauth/${name}/start?session=cookie` }, `Log in with ${PROVIDER_NAMES[name]}`)))));
  box.hidden = false;
}

function registerScreen(main) {
  const form = submitting(h('form', { class: 'card narrow', novalidate: true },
    field('Name', { name: 'display_name', autocomplete: 'name' }),
    field('Email', { type: 'email', name: 'email', autocomplete: 'email', required: true }),
    field('Password', { type: 'password', name: 'password', autocomplete: 'new-password', required: true,
      minlength: 10, maxlength: 128 }, '10 to 128 characters; a phrase is easiest to remember.'),
    h('button', { type: 'submit', class: 'primary' }, 'Create account')), async (data) => {
    const email = data.get('email');
    const name = data.get('display_name').trim();
    const accepted = await api('POST', '/auth/register',
      { email, password: data.get('password'), display_name: name || null });
    try {
      await login(email, data.get('password'));
      location.hash = '#/';
    } catch (error) {
      // A platform that wants verified emails first: the mail's link opens the app again.
      loginScreen(main, `${accepted.detail} ${error.message}`);
    }
  });
  show(main, h('h1', null, 'Create your account'), form,
    h('p', { class: 'narrow' }, 'Have an account? ', h('a', { href: '#/login' }, 'Log in')));
}
