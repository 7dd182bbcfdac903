// A plan's progress: how many workouts are done, missed and to come, planned against done distance
// week by week, and how closely the workouts done followed the plan.
import { api } from '../api.js';
import { h, show } from '../dom.js';
import { barChart } from '../chart.js';
import { complianceText, distance, longDate, shortDate, toUnit, unit } from '../units.js';

const STATUSES = ['green', 'yellow', 'red', 'missed', 'upcoming', 'rest'];

export async function render(main, { params: [planId] }) {
  const [plan, progress] = await Promise.all([
    api('GET', `/plans/${planId}`),
    api('GET', `/analytics/plans/${planId}/progress`),
  ]);
  show(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/plans' }, 'Plans'), ' › ', h('a', { href: `#/plans/${plan.id}` }, plan.name)),
    h('h1', null, `Progress of ${plan.name}`),
    h('p', { class: 'subtitle' }, `As of ${longDate(progress.as_of)}`),
    progress.total_workouts || progress.unplanned_runs ? [figures(progress), weeks(progress), compliance(progress)]
      : h('p', { class: 'empty' }, 'This plan has no workout yet. ', h('a', { href: `#/plans/${plan.id}` }, 'Add some on its calendar'), '.'));
}

function figures(progress) {
  const item = (figure, text) => h('li', { class: 'card' }, h('span', { class: 'figure' }, figure), h('br'), text);
  return h('ul', { class: 'cards figures', 'aria-label': 'The plan so far' },
    item(`${Math.round(progress.completion_rate * 100)} %`, 'of the workouts due are done'),
    item(`${progress.completed_workouts} of ${progress.total_workouts}`, 'workouts done'),
    item(String(progress.missed_workouts), 'missed'),
    item(String(progress.upcoming_workouts), 'to come'),
    item(`${distance(progress.actual_distance_km)}`, `done of ${distance(progress.planned_distance_km)} planned`),
    progress.unplanned_runs ? item(String(progress.unplanned_runs), `unplanned runs (${distance(progress.unplanned_distance_km)})`) : null);
}

function weeks(progress) {
  if (!progress.weekly.length) return null;
  const rounded = (km) => Math.round(toUnit(km) * 10) / 10;
  return h('section', null, h('h2', null, 'Week by week'),
    barChart({
      title: `Planned and done distance a week (${unit()})`,
      description: 'Two bars a week: planned, then done (runs of its workouts and unplanned runs).',
      yLabel: unit(),
      series: [{ name: 'Planned' }, { name: 'Done' }],
      groups: progress.weekly.map((week) => ({
        label: shortDate(week.week_start),
        values: [rounded(week.planned_distance_km), rounded(week.actual_distance_km + week.unplanned_distance_km)],
      })),
    }));
}

function compliance(progress) {
  return h('section', null, h('h2', null, 'How the workouts went'),
    h('ul', { class: 'plain compliance' }, STATUSES.map((status) => h('li', null,
      h('span', { class: `badge ${status}` }, complianceText(status)), ' ', String(progress.by_status[status] || 0)))));
}
