// The "log a run" form: date, distance, time, and the pace as it is typed. With a workout given,
// the run records that workout as done.
import { all, api } from '../api.js';
import { field, h, submitting } from '../dom.js';
import { distance, fromUnit, pace, parseDuration, today, toUnit, typeName, unit } from '../units.js';

/**
 * @param workout the workout the run does, or null to choose one of the day's (or none)
 * @param saved called with the recorded run
 */
/**
 * A run form's distance (typed in the athlete's unit) and time, as the API takes them; throws the
 * fields' problems when either is missing or not above 0.
 */
export function runFigures(data) {
  const minutes = parseDuration(data.get('time'));
  const value = Number(data.get('distance'));
  const problems = [];
  if (!(value > 0)) problems.push({ field: 'distance', message: 'a distance above 0' });
  if (!(minutes > 0)) problems.push({ field: 'time', message: 'minutes, m:ss or h:mm:ss' });
  if (problems.length) throw Object.assign(new Error('Please check the run.'), { fields: problems });
  return { distance_km: Math.round(fromUnit(value) * 1000) / 1000, duration_minutes: Math.round(minutes * 100) / 100 };
}

export function runForm({ workout = null, saved }) {
  const date = field('Date', { type: 'date', name: 'actual_date', required: true, value: workout?.scheduled_date || today() });
  const km = field(`Distance (${unit()})`, {
    type: 'number', name: 'distance', required: true, min: 0.01, step: 0.01, inputmode: 'decimal',
    value: workout?.distance_km ? toUnit(workout.distance_km).toFixed(2) : null,
  });
  const time = field('Time', { name: 'time', required: true, inputmode: 'numeric', placeholder: '45:30', pattern: '[0-9:.]+' },
    'minutes, m:ss or h:mm:ss');
  const paceOut = h('output', { class: 'pace', 'aria-live': 'polite' }, '');
  const choice = workout ? null : h('div');
  const form = h('form', { class: 'run-form', novalidate: true },
    h('div', { class: 'row' }, date, km, time),
    h('p', null, 'Pace: ', paceOut),
    choice,
    workout ? h('p', { class: 'quiet' }, `Records “${workout.name}” as done.`) : null,
    h('button', { type: 'submit', class: 'primary' }, 'Log run'));

  const computePace = () => {
    const minutes = parseDuration(form.time.value);
    const value = Number(form.distance.value);
    paceOut.textContent = minutes > 0 && value > 0 ? pace(minutes / fromUnit(value)) : '—';
  };
  form.addEventListener('input', computePace);
  computePace();

  if (choice) {
    const loadChoices = async () => {
      const day = form.actual_date.value;
      const workouts = day ? await all(`/workouts?from=${day}&to=${day}`) : [];
      choice.replaceChildren(field('Workout it did', {
        tag: 'select', name: 'workout_id', value: '',
        options: [['', 'None'], ...workouts.map((w) => [w.id, `${w.name} (${typeName(w.workout_type)}${w.distance_km ? `, ${distance(w.distance_km)}` : ''})`])],
      }));
    };
    form.actual_date.addEventListener('change', () => loadChoices().catch(() => {}));
    loadChoices().catch(() => {});
  }

  return submitting(form, async (data) => {
    const run = await api('POST', '/runs', {
      workout_id: workout?.id || data.get('workout_id') || null,
      actual_date: data.get('actual_date'),
      ...runFigures(data),
    });
    form.reset();
    // The next run is most often of the same day: the date stays.
    form.actual_date.value = data.get('actual_date');
    computePace();
    saved(run);
  });
}
