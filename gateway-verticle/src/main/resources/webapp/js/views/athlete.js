// A coach's view of one athlete's training: their plans and latest runs (#/athletes/<id>), and a
// plan's calendar (#/athletes/<id>/plans/<plan id>), editable only on a read_write share.
import { all, api } from '../api.js';
import { h, show } from '../dom.js';
import { athleteName, viewingBar } from '../coaching.js';
import { distance, duration, longDate, pace } from '../units.js';

export async function render(main, { params: [athleteId, , planId] }) {
  const athlete = (await all('/coaching/athletes')).find((a) => a.athlete_id === athleteId);
  if (!athlete) {
    show(main, h('h1', null, 'Not shared with you'),
      h('p', null, 'This athlete does not share their training with you, or no longer does.'),
      h('p', null, h('a', { href: '#/athletes' }, 'Your athletes')));
    return;
  }
  if (planId) {
    await (await import('./calendar.js')).render(main, { params: [planId], athlete });
    main.prepend(viewingBar(athlete));
    return;
  }
  const query = `athlete_id=${encodeURIComponent(athleteId)}`;
  const [plans, runs] = await Promise.all([all(`/plans?${query}`), api('GET', `/runs?${query}&limit=10`)]);
  const name = athleteName(athlete);
  show(main, viewingBar(athlete),
    h('h1', null, `${name}’s training`),
    h('h2', null, 'Plans'),
    h('ul', { class: 'cards' }, plans.length ? plans.map((plan) => h('li', { class: 'card' },
      h('h3', null, h('a', { href: `#/athletes/${athleteId}/plans/${plan.id}` }, plan.name)),
      h('p', null, `${longDate(plan.start_date)} to ${longDate(plan.end_date)}`),
      plan.goal_race_date ? h('p', null, `Race: ${longDate(plan.goal_race_date)}`) : null))
      : h('li', { class: 'empty' }, `${name} has no plan yet.`)),
    h('h2', null, 'Latest runs'),
    athlete.share_strava_runs ? null
      : h('p', { class: 'hint' }, `Runs ${name} imported from Strava are not shown: they have not chosen to share them.`),
    runs.items.length ? h('ul', { class: 'plain runs' }, runs.items.map((run) => h('li', { class: 'run' },
      h('strong', null, longDate(run.actual_date)), ' ',
      [distance(run.distance_km), duration(run.duration_minutes), pace(run.average_pace)].join(' · '),
      run.source === 'strava' ? ' (Strava)' : null)))
      : h('p', { class: 'empty' }, 'No run yet.'));
}
