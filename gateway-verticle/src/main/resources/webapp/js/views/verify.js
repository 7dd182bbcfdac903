// The page of the link a registration mails: it completes the verification with the link's token.
import { api } from '../api.js';
import { h, show } from '../dom.js';

export async function render(main) {
  const token = new URLSearchParams(location.search).get('token');
  show(main, h('h1', null, 'Verifying your email'), h('p', { class: 'loading', role: 'status' }, 'One moment…'));
  try {
    if (!token) throw new Error('This link has no token: open the link of the mail as it came.');
    await api('POST', '/auth/verify-email', { token });
    show(main, h('h1', null, 'Email verified'), h('p', { role: 'status' }, 'Your email address is verified.'),
      h('p', null, h('a', { href: '/#/login' }, 'Log in')));
  } catch (error) {
    show(main, h('h1', null, 'Email not verified'), h('p', { class: 'error', role: 'alert' }, error.message),
      h('p', null, h('a', { href: '/#/login' }, 'Go to the app')));
  }
  main.focus();
}
