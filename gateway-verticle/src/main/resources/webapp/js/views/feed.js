// The calendar feed of a plan (or of every plan): a secret address that calendar apps subscribe
// to. The address is shown once, when it is made; only a hash of it is kept, so a lost address is
// replaced by a new one, which ends the old.
import { api } from '../api.js';
import {
  announce, confirmDialog, errorBox, field, h, show,
} from '../dom.js';
import { stamp } from '../stamp.js';

const ALL = 'all';

export async function feedSection(plans) {
  const body = h('div', { 'aria-live': 'polite' });
  const select = field('Calendar of', {
    tag: 'select', name: 'feed-plan', value: plans[0].id, options: [...plans.map((p) => [p.id, p.name]), [ALL, 'All my plans']],
  });
  const chosen = () => select.querySelector('select').value;
  let feeds = [];
  const refresh = async (made) => {
    try {
      feeds = (await api('GET', '/calendar/feed')).items;
      const plan = chosen() === ALL ? null : chosen();
      show(body, state(feeds.find((feed) => (feed.plan_id ?? null) === plan), plan, made, refresh));
    } catch (error) {
      show(body, errorBox(error));
    }
  };
  select.querySelector('select').addEventListener('change', () => refresh(null));
  await refresh(null);
  return h('section', { class: 'card feed', 'aria-labelledby': 'feed-h' },
    h('h2', { id: 'feed-h' }, 'Subscribe in your calendar'),
    h('p', { class: 'quiet' }, 'Your calendar app shows the workouts and keeps them up to date as the plan changes.'),
    select, body);
}

function state(feed, plan, made, refresh) {
  const make = async (button) => {
    button.disabled = true;
    try {
      const created = await api('POST', '/calendar/feed', { plan_id: plan });
      await refresh(created);
      announce('The calendar address is ready to copy.');
    } catch (error) {
      button.after(errorBox(error));
      button.disabled = false;
    }
  };
  if (!feed) {
    return [h('p', null, 'No calendar address yet.'),
      h('button', { type: 'button', class: 'primary', onclick: (e) => make(e.currentTarget) }, 'Make a calendar address')];
  }
  return [
    made ? address(made)
      : h('p', null, `An address made ${stamp(feed.created_at)} is in use. It is shown only once; if you lost it, make a new one.`),
    h('div', { class: 'actions' },
      h('button', {
        type: 'button',
        onclick: async (e) => {
          const button = e.currentTarget;
          if (made || await confirmDialog('Make a new address? The one in use stops working.', 'Make a new address')) make(button);
        },
      }, 'Make a new address'),
      h('button', {
        type: 'button', class: 'danger',
        onclick: async (e) => {
          if (!await confirmDialog('End this calendar feed? Calendars subscribed to it stop updating.', 'End the feed')) return;
          try {
            await api('DELETE', `/calendar/feed${plan ? `?plan_id=${plan}` : ''}`);
            await refresh(null);
            announce('Calendar feed ended.');
          } catch (error) {
            e.target.after(errorBox(error));
          }
        },
      }, 'End the feed')),
  ];
}

function address(made) {
  const input = field('Calendar address', { type: 'text', readonly: true, value: made.url, name: 'feed-url' },
    'Keep it secret: anyone with it sees this calendar. It is shown only now.');
  const copied = h('span', { role: 'status', class: 'quiet' });
  return h('div', { class: 'address' }, input,
    h('div', { class: 'actions' },
      h('button', {
        type: 'button', class: 'primary',
        onclick: async () => {
          const text = input.querySelector('input');
          try {
            await navigator.clipboard.writeText(made.url);
            copied.textContent = 'Copied.';
          } catch {
            // No clipboard (a page not served over https, say): selected, for the keyboard to copy.
            text.select();
            copied.textContent = 'Press Ctrl+C (⌘C) to copy.';
          }
        },
      }, 'Copy address'),
      h('a', { class: 'button', href: made.webcal_url }, 'Open in my calendar app'),
      copied));
}
