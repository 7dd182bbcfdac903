// A forgotten password: asking for a link by mail (#/forgot, or /reset-password without a token),
// and the page of the mailed link (/reset-password?token=…), which sets the new password.
import { api } from '../api.js';
import { field, h, show, submitting } from '../dom.js';

const LOG_IN = '/#/login';
const ASK_AGAIN = '/reset-password';

export function render(main) {
  const token = new URLSearchParams(location.search).get('token');
  if (token) choosePassword(main, token);
  else askForLink(main);
}

function askForLink(main) {
  const form = submitting(h('form', { class: 'card narrow', novalidate: true },
    h('p', null, 'Give the email of your account, and we mail you a link to choose a new password.'),
    field('Email', { type: 'email', name: 'email', autocomplete: 'username', required: true }),
    h('button', { type: 'submit', class: 'primary' }, 'Send me a link')), async (data) => {
    const email = data.get('email').trim();
    await api('POST', '/auth/password-reset', { email });
    // The same answer whether or not the address has an account: the platform tells nobody who is registered.
    done(main, 'Check your mail', `If ${email} has an account, a link to choose a new password is on its way. `
      + 'It works once, within an hour.', h('a', { href: LOG_IN }, 'Back to log in'));
  });
  show(main, h('h1', null, 'Forgot your password?'), form,
    h('p', { class: 'narrow' }, 'Remembered it? ', h('a', { href: LOG_IN }, 'Log in')));
}

function choosePassword(main, token) {
  const form = submitting(h('form', { class: 'card narrow', novalidate: true },
    field('New password', { type: 'password', name: 'password', autocomplete: 'new-password', required: true,
      minlength: 10, maxlength: 128 }, '10 to 128 characters; a phrase is easiest to remember.'),
    h('button', { type: 'submit', class: 'primary' }, 'Set password')), async (data) => {
    try {
      await api('POST', '/auth/password-reset/confirm', { token, password: data.get('password') });
    } catch (error) {
      if (!error.fields.some((f) => f.field === 'token')) throw error;
      done(main, 'This link no longer works', 'It has expired (links work for an hour), or it was used already, '
        + 'or a newer link was used.', h('a', { href: ASK_AGAIN }, 'Ask for a new link'));
      return;
    }
    done(main, 'Password changed', 'Your new password is set, and every session of your account has ended: '
      + 'log in again with the new password.', h('a', { href: LOG_IN }, 'Log in'));
  });
  show(main, h('h1', null, 'Choose a new password'), form);
}

function done(main, title, text, next) {
  show(main, h('h1', null, title), h('div', { class: 'card narrow' }, h('p', { role: 'status' }, text), h('p', null, next)));
  document.title = `${title} · Running Trainer`;
  main.focus();
}
