// This week: each day's planned workouts and the runs done, planned against done, and what is next.
import { all, api } from '../api.js';
import { h, show } from '../dom.js';
import { on, settled } from '../events.js';
import { insights } from './insights.js';
import {
  addDays, complianceText, dayName, distance, duration, longDate, pace, shortDate, today, typeName, weekStart,
} from '../units.js';

export async function render(main) {
  const day = today();
  const from = weekStart(day);
  const to = addDays(from, 6);
  const [workouts, runs, upcoming] = await Promise.all([
    all(`/workouts?from=${from}&to=${to}`),
    all(`/runs?from=${from}&to=${to}`),
    api('GET', `/workouts?from=${day}&limit=10`),
  ]);
  const next = upcoming.items.find((w) => w.compliance?.status === 'upcoming' && w.workout_type !== 'rest');
  const planned = workouts.reduce((sum, w) => sum + (w.distance_km || 0), 0);
  const done = runs.reduce((sum, r) => sum + r.distance_km, 0);

  const title = h('h1', null, 'This week');
  // A run imported from Strava shows without a reload: the week is drawn again.
  // A failed redraw leaves the week as it was drawn; the next visit draws it anew.
  on('strava.run_imported', settled(() => render(main).catch(() => {})), title);
  show(main,
    title,
    h('p', { class: 'subtitle' }, `${shortDate(from)} – ${shortDate(to)}`),
    h('section', { class: 'totals', 'aria-label': 'Distance this week' },
      h('p', null, h('span', { class: 'figure' }, distance(planned)), ' planned'),
      h('p', null, h('span', { class: 'figure' }, distance(done)), ' done'),
      meter(planned, done)),
    nextWorkout(next),
    workouts.length || runs.length ? week(from, day, workouts, runs)
      : h('p', { class: 'empty' }, 'Nothing planned or run this week. ', h('a', { href: '#/plans' }, 'Plan your training'),
        ' or ', h('a', { href: '#/runs' }, 'log a run'), '.'),
    insights());
}

function meter(planned, done) {
  if (!planned) return null;
  return h('meter', { min: 0, max: planned, value: Math.min(done, planned), 'aria-label': 'Done of planned distance' });
}

function nextWorkout(next) {
  if (!next) return h('section', { class: 'card next' }, h('h2', null, 'Next workout'), h('p', null, 'None planned.'));
  return h('section', { class: 'card next' }, h('h2', null, 'Next workout'),
    h('p', null, h('strong', null, next.name), ` · ${typeName(next.workout_type)} · ${longDate(next.scheduled_date)}`),
    h('p', null, [distance(next.distance_km), duration(next.duration_minutes)].filter(Boolean).join(' · ')),
    h('a', { href: `#/plans/${next.plan_id}` }, 'Open its plan'));
}

function week(from, day, workouts, runs) {
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  return h('ol', { class: 'week' }, days.map((date) => {
    const planned = workouts.filter((w) => w.scheduled_date === date);
    const done = runs.filter((r) => r.actual_date === date);
    return h('li', { class: date === day ? 'day today' : 'day', 'aria-current': date === day ? 'date' : null },
      h('h2', null, `${dayName(date, 'long')} ${shortDate(date)}`),
      planned.length ? h('ul', { class: 'plain' }, planned.map((w) => h('li', { class: `workout ${w.compliance?.status || ''}` },
        h('span', { class: 'name' }, w.name), ' ',
        h('span', { class: 'meta' }, [typeName(w.workout_type), distance(w.distance_km)].filter(Boolean).join(' · ')), ' ',
        h('span', { class: `badge ${w.compliance?.status || ''}` }, complianceText(w.compliance?.status)))))
        : h('p', { class: 'quiet' }, 'No workout'),
      done.map((r) => h('p', { class: 'run' }, `Ran ${distance(r.distance_km)} in ${duration(r.duration_minutes)} (${pace(r.average_pace)})`)));
  }));
}
