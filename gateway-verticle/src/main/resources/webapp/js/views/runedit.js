// One run: its figures and notes changed, and the workout it did chosen by hand (which no automatic
// match of a Strava import changes again).
import { all, api } from '../api.js';
import { announce, field, h, show, submitting } from '../dom.js';
import { runFigures } from './runform.js';
import {
  addDays, distance, duration, longDate, pace, shortDate, toUnit, typeName, unit,
} from '../units.js';

// The workouts offered for a match: those of the fortnight around the run, which is where a run's
// workout is; the operation itself takes any date.
const AROUND = 7;

export async function render(main, { params: [runId] }) {
  const run = await api('GET', `/runs/${runId}`);
  const title = h('h1', null);
  const summary = h('p', { class: 'subtitle' });
  const describe = (current) => {
    title.textContent = `Run of ${longDate(current.actual_date)}`;
    summary.textContent = `${distance(current.distance_km)} in ${duration(current.duration_minutes)} · ${pace(current.average_pace)}`
      + (current.source === 'strava' ? ' · from Strava' : '');
  };
  describe(run);
  const match = h('section', { class: 'card' }, h('h2', null, 'Workout it did'), h('p', { class: 'loading' }, 'Loading…'));
  show(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/runs' }, 'Runs')),
    title, summary,
    h('section', { class: 'card' }, h('h2', null, 'Figures'), editForm(run, describe)),
    match);
  await drawMatch(match, run);
}

function editForm(run, describe) {
  return submitting(h('form', { novalidate: true },
    h('div', { class: 'row' },
      field('Date', { type: 'date', name: 'actual_date', required: true, value: run.actual_date }),
      field(`Distance (${unit()})`, { type: 'number', name: 'distance', required: true, min: 0.01, step: 0.01,
        inputmode: 'decimal', value: (Math.round(toUnit(run.distance_km) * 100) / 100).toString() }),
      field('Time', { name: 'time', required: true, inputmode: 'numeric', pattern: '[0-9:.]+', value: duration(run.duration_minutes) },
        'minutes, m:ss or h:mm:ss')),
    field('Notes (optional)', { name: 'notes', maxlength: 5000, value: run.notes || '' }),
    h('button', { type: 'submit', class: 'primary' }, 'Save run')), async (data) => {
    // The operation replaces every field: the workout stays as it is (the section below changes it),
    // and the pace is computed anew from the new figures.
    const saved = await api('PUT', `/runs/${run.id}`, {
      workout_id: run.workout_id,
      actual_date: data.get('actual_date'),
      ...runFigures(data),
      notes: data.get('notes').trim() || null,
    });
    Object.assign(run, saved);
    describe(saved);
    announce('Run saved.');
  });
}

async function drawMatch(section, run) {
  const workouts = (await all(`/workouts?from=${addDays(run.actual_date, -AROUND)}&to=${addDays(run.actual_date, AROUND)}`))
    .filter((w) => w.workout_type !== 'rest');
  if (run.workout_id && !workouts.some((w) => w.id === run.workout_id)) {
    workouts.unshift(await api('GET', `/workouts/${run.workout_id}`));
  }
  const status = h('p', { role: 'status' });
  const locked = h('p', { class: 'quiet' }, 'Set by hand: a Strava import will not change it.');
  const describe = () => {
    const current = workouts.find((w) => w.id === run.workout_id);
    status.textContent = current ? `Matched to “${current.name}”.` : 'Matched to no workout.';
    locked.hidden = !run.workout_locked;
  };
  describe();
  const name = (w) => `${shortDate(w.scheduled_date)}: ${w.name} (${typeName(w.workout_type)}${w.distance_km ? `, ${distance(w.distance_km)}` : ''})`;
  const form = submitting(h('form', { novalidate: true },
    field('Workout', { tag: 'select', name: 'workout_id', value: run.workout_id || '',
      options: [['', 'None'], ...workouts.map((w) => [w.id, name(w)])] },
    `the workouts from ${shortDate(addDays(run.actual_date, -AROUND))} to ${shortDate(addDays(run.actual_date, AROUND))}`),
    h('button', { type: 'submit', class: 'primary' }, 'Set workout')), async (data) => {
    const saved = await api('PUT', `/runs/${run.id}/workout`, { workout_id: data.get('workout_id') || null });
    Object.assign(run, saved);
    describe();
  });
  show(section, h('h2', null, 'Workout it did'), status,
    workouts.length ? form : h('p', { class: 'empty' }, 'No workout is planned within a week of this run.'), locked);
}
