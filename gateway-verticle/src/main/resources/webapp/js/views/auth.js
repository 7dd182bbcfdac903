// Logging in and registering; both end in a session (unless the platform wants the email verified first).
import { api, login } from '../api.js';
import { field, h, show, submitting } from '../dom.js';

export function render(main, { name }) {
  if (name === 'register') registerScreen(main);
  else loginScreen(main);
}

function loginScreen(main, notice) {
  const form = submitting(h('form', { class: 'card narrow', novalidate: true },
    notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
    field('Email', { type: 'email', name: 'email', autocomplete: 'username', required: true }),
    field('Password', { type: 'password', name: 'password', autocomplete: 'current-password', required: true }),
    h('button', { type: 'submit', class: 'primary' }, 'Log in')), async (data) => {
    await login(data.get('email'), data.get('password'));
    location.hash = '#/';
  });
  show(main, h('h1', null, 'Log in'), form,
    h('p', { class: 'narrow' }, h('a', { href: '#/forgot' }, 'Forgot your password?')),
    h('p', { class: 'narrow' }, 'New here? ', h('a', { href: '#/register' }, 'Create an account')));
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
