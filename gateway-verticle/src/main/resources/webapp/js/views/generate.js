// A plan made by the trainer's rules for a race, from the runner's current training; then its
// weeks, phase by phase, before the calendar.
import { api } from '../api.js';
import { field, h, show, submitting } from '../dom.js';
import { barChart } from '../chart.js';
import { addDays, distance, fromUnit, longDate, shortDate, today, toUnit, unit } from '../units.js';

const GOALS = [['5k', '5 km'], ['10k', '10 km'], ['half', 'Half marathon'], ['marathon', 'Marathon']];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export async function render(main) {
  const result = h('div');
  show(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/plans' }, 'Plans')),
    h('h1', null, 'Generate a plan'),
    h('p', { class: 'subtitle' }, 'A plan for your race, built up from what you run now: base, build, peak and taper weeks, a long run and a quality session each week.'),
    form(result), result);
}

function km(data, name) {
  const value = Number(data.get(name));
  return value > 0 ? Math.round(fromUnit(value) * 100) / 100 : null;
}

function form(result) {
  return submitting(h('form', { class: 'card', novalidate: true },
    h('div', { class: 'row' },
      field('Race', { tag: 'select', name: 'goal_distance', value: '10k', options: GOALS }),
      field('Race day', { type: 'date', name: 'race_date', required: true, min: addDays(today(), 1) }),
      field('Runs a week', { tag: 'select', name: 'runs_per_week', value: '4', options: [3, 4, 5, 6].map((n) => [String(n), String(n)]) })),
    h('div', { class: 'row' },
      field(`Distance a week now (${unit()})`, { type: 'number', name: 'current_weekly_km', required: true, min: 1, step: 0.1, inputmode: 'decimal' }),
      field(`Longest run now (${unit()})`, { type: 'number', name: 'current_long_run_km', required: true, min: 1, step: 0.1, inputmode: 'decimal' }),
      field('Long run on', { tag: 'select', name: 'long_run_day', value: 'sunday', options: DAYS.map((d) => [d, d[0].toUpperCase() + d.slice(1)]) })),
    h('div', { class: 'row' },
      field('Start (optional)', { type: 'date', name: 'start_date' }, 'your next week when empty'),
      field('Name (optional)', { name: 'name', maxlength: 200 })),
    h('button', { type: 'submit', class: 'primary' }, 'Generate plan')), async (data) => {
    const plan = await api('POST', '/plans/generate', {
      goal_distance: data.get('goal_distance'),
      race_date: data.get('race_date'),
      runs_per_week: Number(data.get('runs_per_week')),
      current_weekly_km: km(data, 'current_weekly_km'),
      current_long_run_km: km(data, 'current_long_run_km'),
      long_run_day: data.get('long_run_day'),
      start_date: data.get('start_date') || undefined,
      name: data.get('name').trim() || undefined,
    });
    shown(result, plan);
  });
}

function shown(result, plan) {
  const heading = h('h2', { tabindex: '-1' }, `${plan.name}: ${plan.workouts_created} workouts`);
  show(result, h('section', { class: 'card' }, heading,
    h('p', null, `${longDate(plan.start_date)} to ${longDate(plan.end_date)}`),
    barChart({
      title: `Distance a week (${unit()})`,
      description: 'One bar a week, the race left out.',
      yLabel: unit(),
      series: [{ name: 'Planned' }],
      groups: plan.weeks.map((week) => ({
        label: shortDate(week.week_start), values: [Math.round(toUnit(week.distance_km) * 10) / 10],
      })),
    }),
    h('ol', { class: 'plain phases' }, plan.weeks.map((week) => h('li', null,
      `${shortDate(week.week_start)}: ${week.phase}${week.cut_back ? ' (easier week)' : ''}, ${distance(week.distance_km)}`))),
    h('div', { class: 'actions' },
      h('a', { class: 'button primary', href: `#/plans/${plan.id}` }, 'Open its calendar'),
      h('a', { class: 'button', href: `#/plans/${plan.id}/edit` }, 'Edit it'))));
  heading.focus();
}
