// Changing the account's email: the form of the account screen, which mails a link to the new
// address, and the page of that link (/confirm-email?token=…), which makes the change.
import { api } from '../api.js';
import { field, h, show, submitting } from '../dom.js';

/** The account screen's form; the email stays as it is until the link mailed to the new address is opened. */
export function emailChangeForm(me) {
  const status = h('p', { role: 'status' });
  const form = submitting(h('form', { novalidate: true },
    field('New email address', { type: 'email', name: 'email', autocomplete: 'email', required: true, maxlength: 254 }),
    field('Your password', { type: 'password', name: 'current_password', autocomplete: 'current-password',
      required: true }, 'To make sure it is you.'),
    h('button', { type: 'submit', class: 'primary' }, 'Send a confirmation link')), async (data) => {
    status.textContent = '';
    const email = data.get('email').trim();
    await api('POST', '/auth/email', { email, current_password: data.get('current_password') });
    form.reset();
    // The same answer whether or not the address has an account: the platform tells nobody who is registered.
    status.textContent = `A link is on its way to ${email}: open it within an hour to make it your email. `
      + `Until then you log in with ${me.email}.`;
  });
  return h('details', { class: 'change-email' }, h('summary', null, 'Change email'), form, status);
}

/** The page of the link mailed to the new address. */
export async function render(main) {
  const token = new URLSearchParams(location.search).get('token');
  show(main, h('h1', null, 'Changing your email'), h('p', { class: 'loading', role: 'status' }, 'One moment…'));
  try {
    if (!token) throw new Error('This link has no token: open the link of the mail as it came.');
    await api('POST', '/auth/email/confirm', { token });
    done(main, 'Email changed', 'This address is now the email of your account, and it is verified: '
      + 'log in with it from now on.', 'Go to the app');
  } catch (error) {
    const expired = error.fields?.some((f) => f.field === 'token');
    done(main, 'Email not changed', expired
      ? 'This link no longer works: it has expired (links work for an hour), or it was used already, or a newer '
        + 'request or a new password cancelled it. Ask for the change again from your account.'
      : error.message, 'Go to your account', !expired);
  }
}

function done(main, title, text, next, failed = false) {
  show(main, h('h1', null, title),
    h('div', { class: 'card narrow' },
      h('p', failed ? { class: 'error', role: 'alert' } : { role: 'status' }, text),
      h('p', null, h('a', { href: '/#/account' }, next))));
  document.title = `${title} · Running Trainer`;
  main.focus();
}
