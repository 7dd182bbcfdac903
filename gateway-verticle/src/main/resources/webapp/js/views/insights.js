// What the home page shows beside the week: progress toward the goals, predicted race times and
// form (fitness, fatigue and their balance over 90 days). Each part loads on its own after the week
// is shown; a part with nothing to say yet (no goals, no runs) says what it waits for.
import { api } from '../api.js';
import { errorBox, h, show } from '../dom.js';
import { lineChart } from '../chart.js';
import { distance, duration, pace, shortDate } from '../units.js';

const PREDICTED = { '5k': '5 km', '10k': '10 km', half_marathon: 'Half marathon', marathon: 'Marathon' };
const ZONES = { E: 'Easy', M: 'Marathon', T: 'Threshold', I: 'Interval', R: 'Repetition' };

/** The three parts, each filled in when its answer comes. */
export function insights() {
  return h('div', { class: 'insights' },
    part('goals', 'Goals', () => api('GET', '/analytics/goals?weeks=0&months=0'), goals),
    part('predictions', 'Predictions', () => api('GET', '/analytics/predictions'), predictions),
    part('form', 'Form', () => api('GET', '/analytics/load'), form));
}

function part(name, title, load, draw) {
  const section = h('section', { class: `card ${name}`, 'aria-label': title },
    h('h2', null, title), h('p', { class: 'loading' }, 'Loading…'));
  load().then(
    (answer) => show(section, h('h2', null, title), draw(answer)),
    (error) => show(section, h('h2', null, title), errorBox(error)));
  return section;
}

function goals(answer) {
  const periods = [['This week', answer.weekly], ['This month', answer.monthly]].filter(([, goal]) => goal.goals);
  if (!periods.length) {
    return h('p', { class: 'empty' }, 'No goals set. ', h('a', { href: '#/settings' }, 'Set weekly or monthly goals'), '.');
  }
  const streak = answer.weekly.streak;
  return [
    periods.map(([title, goal]) => {
      const current = goal.periods.find((period) => period.current);
      return h('div', { class: 'goal' }, h('h3', null, title, current?.met ? h('span', { class: 'badge green' }, 'met') : null),
        h('ul', { class: 'plain' }, goalRows(goal.goals, current)));
    }),
    streak ? h('p', null, `Weekly goals met ${streak.current} ${streak.current === 1 ? 'week' : 'weeks'} in a row (longest ${streak.longest}).`) : null,
    h('p', null, h('a', { href: '#/settings' }, 'Change goals')),
  ];
}

function goalRows(set, current) {
  const rows = [
    ['distance_km', 'Distance', distance],
    ['duration_minutes', 'Time', duration],
    ['runs', 'Runs', String],
  ];
  return rows.filter(([key]) => set[key] != null).map(([key, label, format]) => {
    const done = current?.done[key] || 0;
    return h('li', null, `${label}: ${format(done)} of ${format(set[key])}`, ' ',
      h('meter', { min: 0, max: set[key], value: Math.min(done, set[key]), 'aria-label': `${label} done of the goal` }));
  });
}

function form(load) {
  const days = load.days.filter((day) => day.ctl != null);
  if (load.reason || !days.length) {
    return h('p', { class: 'empty' }, 'Your form shows here once you have logged a run of 3 km or more in the last 90 days.');
  }
  const last = days[days.length - 1];
  const round = (v) => (v == null ? null : Math.round(v * 10) / 10);
  return [
    h('p', null, `Fitness ${round(last.ctl)}, fatigue ${round(last.atl)}, form ${round(last.tsb)}`,
      load.estimated ? h('span', { class: 'quiet' }, ` (threshold pace ${pace(load.threshold_pace)} estimated from your best recent run)`) : null),
    lineChart({
      title: 'Fitness, fatigue and form over 90 days',
      description: 'Fitness is the 42-day load, fatigue the 7-day load, form their difference.',
      yLabel: 'load',
      labels: days.map((day) => shortDate(day.date)),
      series: [
        { name: 'Fitness (CTL)', values: days.map((day) => round(day.ctl)) },
        { name: 'Fatigue (ATL)', values: days.map((day) => round(day.atl)) },
        { name: 'Form (TSB)', values: days.map((day) => round(day.tsb)) },
      ],
      format: (v) => (v == null ? '' : String(v)),
    }),
  ];
}

function predictions(answer) {
  if (answer.vdot == null) {
    return h('p', { class: 'empty' }, 'Predictions show here once you have logged a run of 3 km or more in the last 90 days.');
  }
  return [
    h('p', null, `From your run of ${distance(answer.effort.distance_km)} on ${shortDate(answer.effort.date)} (VDOT ${answer.vdot.toFixed(1)}).`),
    h('table', null, h('caption', null, 'Race times'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Race'), h('th', { scope: 'col' }, 'Time'))),
      h('tbody', null, answer.races.map((race) => h('tr', null,
        h('th', { scope: 'row' }, PREDICTED[race.distance] || race.distance), h('td', null, duration(race.vdot_minutes)))))),
    h('table', null, h('caption', null, 'Training paces'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Zone'), h('th', { scope: 'col' }, 'Pace'))),
      h('tbody', null, answer.paces.map((zone) => h('tr', null,
        h('th', { scope: 'row' }, ZONES[zone.zone] || zone.zone),
        h('td', null, zone.fastest_pace === zone.slowest_pace ? pace(zone.fastest_pace)
          : `${pace(zone.slowest_pace).split(' ')[0]}–${pace(zone.fastest_pace)}`))))),
  ];
}
