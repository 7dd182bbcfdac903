// The account: its email (a new verification link while it is not verified, and its change), the password,
// and the sessions open on other devices, each of which can be ended.
import { api, logout } from '../api.js';
import { announce, confirmDialog, errorBox, field, h, show, submitting } from '../dom.js';
import { currentSettings } from '../units.js';
import { emailChangeForm } from './email.js';

export async function render(main) {
  const [me, sessions] = await Promise.all([api('GET', '/auth/me'), api('GET', '/auth/sessions?limit=100')]);
  const open = sessionsCard(sessions.items);
  // Changing the password ends the other sessions: the list then shows it.
  show(main, h('h1', null, 'Account'), emailCard(me), passwordCard(open.reload), open.card);
}

function emailCard(me) {
  const card = h('section', { class: 'card narrow', 'aria-labelledby': 'account-email' },
    h('h2', { id: 'account-email' }, 'Email'),
    h('p', null, me.email || 'No email: this account signs in with Strava.'));
  if (me.email && !me.email_verified) {
    const status = h('p', { role: 'status' });
    const resend = h('button', { type: 'button', onclick: async () => {
      card.querySelector('.error')?.remove();
      resend.disabled = true;
      try {
        await api('POST', '/auth/resend-verification');
        status.textContent = `A new link is on its way to ${me.email}.`;
      } catch (error) {
        card.append(errorBox(error));
      } finally {
        resend.disabled = false;
      }
    } }, 'Send a new verification link');
    card.append(h('p', { class: 'notice' }, 'Not verified yet: follow the link we mailed to this address.'),
      h('div', { class: 'actions' }, resend), status);
  } else if (me.email) {
    card.append(h('p', { class: 'quiet' }, 'Verified.'));
  }
  // An account without an email (a Strava login) has no password to prove that it is its owner asking.
  if (me.email) card.append(emailChangeForm(me));
  return card;
}

function passwordCard(changed) {
  const status = h('p', { role: 'status' });
  const form = submitting(h('form', { novalidate: true },
    field('Current password', { type: 'password', name: 'current_password', autocomplete: 'current-password',
      required: true }),
    field('New password', { type: 'password', name: 'password', autocomplete: 'new-password', required: true,
      minlength: 10, maxlength: 128 }, '10 to 128 characters; a phrase is easiest to remember.'),
    h('button', { type: 'submit', class: 'primary' }, 'Change password')), async (data) => {
    status.textContent = '';
    await api('POST', '/auth/password', { current_password: data.get('current_password'), password: data.get('password') });
    form.reset();
    status.textContent = 'Password changed. Your other sessions have ended; this one stays open.';
    await changed();
  });
  return h('section', { class: 'card narrow', 'aria-labelledby': 'account-password' },
    h('h2', { id: 'account-password' }, 'Password'), form, status);
}

function sessionsCard(items) {
  const list = h('ul', { class: 'plain sessions' });
  const status = h('p', { role: 'status' });
  const card = h('section', { class: 'card', 'aria-labelledby': 'account-sessions' },
    h('h2', { id: 'account-sessions' }, 'Sessions'),
    h('p', { class: 'hint' }, 'Where your account is signed in. End a session you do not recognise: '
      + 'that device is signed out at its next request.'),
    list, status);
  const failed = (error) => { card.querySelector('.error')?.remove(); card.append(errorBox(error)); };
  const reload = async () => {
    try {
      redraw((await api('GET', '/auth/sessions?limit=100')).items);
    } catch (error) {
      failed(error);
    }
  };
  const endOthers = h('button', { type: 'button', onclick: async () => {
    const others = items.filter((s) => !s.current);
    if (!await confirmDialog(`End ${others.length === 1 ? 'the other session' : `the ${others.length} other sessions`}? `
      + 'Those devices are signed out.', 'End other sessions')) return;
    try {
      // One at a time: each is a single row, and a failure stops with the rest still listed.
      for (const session of others) await api('DELETE', `/auth/sessions/${session.id}`);
      status.textContent = 'Every other session has ended.';
    } catch (error) {
      failed(error);
    }
    await reload();
  } }, 'End all other sessions');
  const endAll = h('button', { type: 'button', class: 'danger', onclick: async () => {
    if (!await confirmDialog('End every session, this one included? You will have to log in again.', 'End every session')) return;
    try {
      await api('DELETE', '/auth/sessions');
    } catch (error) {
      failed(error);
      return;
    }
    await logout();
  } }, 'End every session');
  card.append(h('div', { class: 'actions' }, endOthers, endAll));

  function redraw(next) {
    items = next;
    endOthers.hidden = !items.some((s) => !s.current);
    show(list, items.length ? items.map((session) => sessionItem(session, async () => {
      if (session.current) {
        if (!await confirmDialog('End this session? You will have to log in again.', 'End session')) return;
      }
      try {
        await api('DELETE', `/auth/sessions/${session.id}`);
      } catch (error) {
        failed(error);
        return;
      }
      if (session.current) {
        await logout();
        return;
      }
      announce(`The session of ${device(session.device)} has ended.`);
      await reload();
    })) : h('li', { class: 'empty' }, 'No session is open.'));
  }
  redraw(items);
  return { card, reload };
}

function sessionItem(session, end) {
  const name = device(session.device);
  return h('li', { class: session.current ? 'session current' : 'session' },
    h('div', null,
      h('h3', null, name, session.current ? h('span', { class: 'badge green' }, 'this device') : null),
      h('p', { class: 'meta' }, `Signed in ${when(session.created_at)} · last used ${when(session.last_used_at)}`
        + (session.ip ? ` · from ${session.ip}` : ''))),
    session.current
      ? h('button', { type: 'button', onclick: end }, 'End this session')
      : h('button', { type: 'button', class: 'danger', 'aria-label': `End session: ${name}, last used ${when(session.last_used_at)}`,
        onclick: end }, 'End session'));
}

/** A person's name for a browser's User-Agent: "Firefox on Android"; the agent itself when it is none of these. */
function device(agent) {
  if (!agent) return 'An unknown device';
  const browser = [['Edg/', 'Edge'], ['Firefox/', 'Firefox'], ['Chrome/', 'Chrome'], ['Chromium/', 'Chromium'],
    ['Safari/', 'Safari']].find(([mark]) => agent.includes(mark));
  const system = [['Android', 'Android'], ['iPhone', 'iPhone'], ['iPad', 'iPad'], ['Windows', 'Windows'],
    ['Mac OS X', 'macOS'], ['CrOS', 'ChromeOS'], ['Linux', 'Linux']].find(([mark]) => agent.includes(mark));
  if (!browser && !system) return agent.slice(0, 60);
  return [browser?.[1] || 'A browser', system ? `on ${system[1]}` : ''].join(' ').trim();
}

/** A moment in the athlete's time zone, e.g. "12 Mar 2026, 09:41". */
function when(timestamp) {
  const options = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' };
  try {
    return new Date(timestamp).toLocaleString(undefined, { ...options, timeZone: currentSettings().timezone });
  } catch {
    return new Date(timestamp).toLocaleString(undefined, options);
  }
}
