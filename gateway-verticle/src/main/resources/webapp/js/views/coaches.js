// A coach's side: the invitations to their email (the mailed link opens #/invitations) and the
// athletes who share their training with them.
import { all, api } from '../api.js';
import { announce, confirmDialog, errorBox, h, show } from '../dom.js';
import { accessText, account, athleteName, isCoach } from '../coaching.js';
import { longDate } from '../units.js';

const NOT_COACH = 'Accepting an invitation takes an account with the coach role, which this account does not have: ask the platform’s administrator to give it, then open this page again.';
const UNVERIFIED = 'Invitations are shown once your email address is verified: follow the link in the mail you received when you registered.';

export async function render(main, { name }) {
  const user = await account();
  const coach = isCoach(user);
  const invitations = user.email_verified ? await all('/coaching/invitations') : null;
  const athletes = coach ? await all('/coaching/athletes') : [];
  const rerender = () => render(main, { name });
  const invitationPart = [
    !coach ? h('p', { class: 'notice', role: 'status' }, NOT_COACH) : null,
    invitations === null ? h('p', { class: 'notice' }, UNVERIFIED)
      : h('ul', { class: 'cards' }, invitations.length ? invitations.map((i) => invitationCard(i, coach))
        : h('li', { class: 'empty' }, 'No invitation waiting.')),
  ];
  if (name === 'invitations') {
    show(main, h('h1', null, 'Invitations to coach'),
      h('p', { class: 'subtitle' }, 'Runners who invited you to coach them. To decline one, leave it: nothing is shared until you accept.'),
      invitationPart,
      coach ? h('p', null, h('a', { href: '#/athletes' }, 'Your athletes')) : null);
    return;
  }
  show(main, h('h1', null, 'Your athletes'),
    h('ul', { class: 'cards' }, athletes.length ? athletes.map((a) => athleteCard(a, rerender))
      : h('li', { class: 'empty' }, 'No athlete shares their training with you yet.')),
    h('h2', null, 'Invitations'), invitationPart,
    h('h2', null, 'Your printed plans'),
    h('p', null, 'The plans you print for your athletes carry your ', h('a', { href: '#/branding' }, 'branding'), '.'));
}

function invitationCard(invitation, coach) {
  const who = invitation.athlete_name || invitation.athlete_email || 'A runner';
  return h('li', { class: 'card invitation' },
    h('h3', null, who),
    invitation.athlete_name && invitation.athlete_email ? h('p', null, invitation.athlete_email) : null,
    h('p', null, `Invited you on ${longDate(invitation.created_at.slice(0, 10))}: ${accessText(invitation.access)}`),
    h('p', null, invitation.share_strava_runs ? 'Shares their Strava runs too.' : 'Keeps their Strava runs to themselves.'),
    coach ? h('div', { class: 'actions' }, h('button', {
      type: 'button', class: 'primary', 'aria-label': `Accept the invitation of ${who}`,
      onclick: async (event) => {
        const button = event.currentTarget;
        button.disabled = true;
        try {
          await api('POST', `/coaching/invitations/${invitation.id}/accept`);
          announce(`You now coach ${who}.`);
          location.hash = `#/athletes/${invitation.athlete_id}`;
        } catch (error) {
          button.disabled = false;
          button.closest('li').append(errorBox(error));
        }
      },
    }, 'Accept')) : null);
}

function athleteCard(athlete, rerender) {
  const name = athleteName(athlete);
  return h('li', { class: 'card athlete', 'data-athlete-id': athlete.athlete_id },
    h('h3', null, h('a', { href: `#/athletes/${athlete.athlete_id}` }, name)),
    athlete.display_name && athlete.email ? h('p', null, athlete.email) : null,
    h('p', null, h('span', { class: `badge ${athlete.access === 'read_write' ? 'green' : 'upcoming'}` }, accessText(athlete.access))),
    h('p', null, `Since ${longDate(athlete.since.slice(0, 10))}`,
      athlete.share_strava_runs ? '; with their Strava runs' : '; without their Strava runs'),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: `#/athletes/${athlete.athlete_id}` }, 'Open training'),
      h('button', {
        type: 'button', class: 'danger', 'aria-label': `Stop coaching ${name}`,
        onclick: async (event) => {
          if (!await confirmDialog(`Stop coaching ${name}? You lose access to their training at once.`, 'Stop coaching')) return;
          try {
            await api('DELETE', `/shares/${athlete.share_id}`);
            announce(`You no longer coach ${name}.`);
            await rerender();
          } catch (error) {
            event.target.closest('li').append(errorBox(error));
          }
        },
      }, 'Stop coaching')));
}
