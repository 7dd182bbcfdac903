// An athlete's coaches: invite one by email, see the invitations and shares, change or revoke one.
import { all, api } from '../api.js';
import { announce, confirmDialog, errorBox, field, h, show, submitting } from '../dom.js';
import { longDate } from '../units.js';

const ACCESS = [['read', 'Read only'], ['read_write', 'Read and edit plans and workouts']];
const STRAVA = 'Show them my runs imported from Strava';
let checks = 0;

export async function render(main) {
  const [shares, user] = await Promise.all([all('/shares'), api('GET', '/auth/me')]);
  const list = h('div');
  const reload = async () => draw(list, await all('/shares'), reload);
  draw(list, shares, reload);
  show(main,
    h('h1', null, 'Your coaches'),
    h('p', { class: 'subtitle' }, 'A coach you invite reads your plans, workouts and runs once they accept; with editing, they change your plans and workouts too. Your runs stay yours to change, and your runs imported from Strava stay hidden from them unless you show them.'),
    list,
    h('h2', null, 'Invite a coach'),
    user.email_verified ? inviteForm(reload)
      : h('p', { class: 'notice' }, 'Verify your email address first: an invitation is a mail sent in your name. Follow the link in the mail you received when you registered.'));
}

function draw(list, shares, reload) {
  const live = shares.filter((s) => s.status !== 'revoked');
  const ended = shares.filter((s) => s.status === 'revoked');
  show(list,
    h('ul', { class: 'cards' }, live.length ? live.map((share) => shareCard(share, reload))
      : h('li', { class: 'empty' }, 'No coach yet: invite one below.')),
    ended.length ? h('details', { class: 'ended' },
      h('summary', null, `Ended (${ended.length})`),
      h('ul', { class: 'plain' }, ended.map((s) => h('li', null, `${s.coach_email}, ended ${longDate(s.revoked_at.slice(0, 10))}`))))
      : null);
}

function checkbox(name, label, checked) {
  const id = `share-check-${++checks}`;
  return h('div', { class: 'check' }, h('input', { type: 'checkbox', id, name, checked }), h('label', { for: id }, label));
}

function shareCard(share, reload) {
  const pending = share.status === 'pending';
  const form = submitting(h('form', { novalidate: true },
    field('Access', { tag: 'select', name: 'access', value: share.access, options: ACCESS }),
    checkbox('share_strava_runs', STRAVA, share.share_strava_runs),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'Save changes'),
      h('button', {
        type: 'button', class: 'danger', 'aria-label': `${pending ? 'Withdraw the invitation of' : 'Stop sharing with'} ${share.coach_email}`,
        onclick: async (event) => {
          const question = pending ? `Withdraw the invitation of ${share.coach_email}?`
            : `Stop sharing your training with ${share.coach_email}? They lose access at once.`;
          if (!await confirmDialog(question, pending ? 'Withdraw' : 'Stop sharing')) return;
          try {
            await api('DELETE', `/shares/${share.id}`);
            announce(`${share.coach_email} no longer has access.`);
            await reload();
          } catch (error) {
            event.target.closest('form').prepend(errorBox(error));
          }
        },
      }, pending ? 'Withdraw' : 'Stop sharing'))), async (data) => {
    const saved = await api('PATCH', `/shares/${share.id}`, {
      access: data.get('access'),
      share_strava_runs: data.get('share_strava_runs') === 'on',
    });
    Object.assign(share, saved);
    announce(`Saved: ${share.coach_email} ${saved.access === 'read_write' ? 'can edit' : 'can read'} your training.`);
  });
  return h('li', { class: 'card share', 'data-coach-email': share.coach_email },
    h('h3', null, share.coach_email),
    h('p', null, h('span', { class: `badge ${pending ? 'yellow' : 'green'}` }, pending ? 'Invited' : 'Coaching you'), ' ',
      pending ? `since ${longDate(share.created_at.slice(0, 10))}, not accepted yet`
        : `since ${longDate(share.accepted_at.slice(0, 10))}`),
    form);
}

function inviteForm(reload) {
  const form = submitting(h('form', { class: 'card narrow', novalidate: true },
    field('Coach’s email', { type: 'email', name: 'coach_email', required: true, autocomplete: 'off', maxlength: 254 }),
    field('Access', { tag: 'select', name: 'access', value: 'read', options: ACCESS }),
    checkbox('share_strava_runs', STRAVA, false),
    h('p', { class: 'hint' }, 'Off unless you tick it, as Strava’s terms ask. You can change both later.'),
    h('button', { type: 'submit', class: 'primary' }, 'Send invitation')), async (data) => {
    const share = await api('POST', '/shares', {
      coach_email: data.get('coach_email').trim(),
      access: data.get('access'),
      share_strava_runs: data.get('share_strava_runs') === 'on',
    });
    form.reset();
    await reload();
    announce(share.notified ? `Invitation mailed to ${share.coach_email}.`
      : `Invitation to ${share.coach_email} saved, but the mail could not be sent now: they find it under Athletes once signed in.`);
  });
  return form;
}
