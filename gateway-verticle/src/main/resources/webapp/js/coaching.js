// What coaching needs across screens: who the user is (auth knows their roles), the coach's
// links shown only to a coach, and the marker of whose training a coach is looking at.
import { api, onSession } from './api.js';
import { h } from './dom.js';

/** The signed-in account as auth knows it now: a role granted since the login counts. */
export function account() {
  return api('GET', '/auth/me');
}

export function isCoach(user) {
  return user.roles.includes('coach');
}

/** How an athlete is named to their coach: their name, else their email. */
export function athleteName(athlete) {
  return athlete.display_name || athlete.email || 'This athlete';
}

export function accessText(access) {
  return access === 'read_write' ? 'can edit plans and workouts' : 'read only';
}

/** The bar over every screen of an athlete's training: whose it is, what the coach may do, the ways back. */
export function viewingBar(athlete) {
  return h('div', { class: 'viewing', role: 'region', 'aria-label': 'Whose training' },
    h('p', null, 'Coaching ', h('strong', null, athleteName(athlete)), ` (${accessText(athlete.access)})`),
    h('p', null, h('a', { href: '#/athletes' }, 'All your athletes'), ' · ', h('a', { href: '#/' }, 'Back to your own training')));
}

// The coach's links (marked data-coach) show to coaches only.
onSession(async (open) => {
  let coach = false;
  try {
    coach = open && isCoach(await account());
  } catch {
    // Without an answer from auth the coach's links stay hidden; the screens themselves still work.
  }
  document.querySelectorAll('[data-coach]').forEach((el) => { el.hidden = !coach; });
});
