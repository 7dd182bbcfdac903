// The settings that decide how the app shows things: distance unit, first day of the week, time zone.
import { api } from '../api.js';
import { announce, field, h, show, submitting } from '../dom.js';
import { duration, fromUnit, parseDuration, toUnit, unit, useSettings } from '../units.js';

const EDITABLE = ['threshold_pace', 'max_heart_rate', 'resting_heart_rate', 'weekly_distance_goal_km',
  'weekly_duration_goal_minutes', 'weekly_runs_goal', 'monthly_distance_goal_km', 'monthly_duration_goal_minutes',
  'monthly_runs_goal', 'timezone', 'week_start', 'distance_unit'];

export async function render(main) {
  const current = await api('GET', '/athlete');
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [current.timezone];
  const form = submitting(h('form', { class: 'card narrow', novalidate: true },
    field('Distances in', { tag: 'select', name: 'distance_unit', value: current.distance_unit,
      options: [['km', 'kilometres'], ['mi', 'miles']] }),
    field('Weeks start on', { tag: 'select', name: 'week_start', value: current.week_start,
      options: [['monday', 'Monday'], ['sunday', 'Sunday']] }),
    field('Time zone', { tag: 'select', name: 'timezone', value: current.timezone,
      options: [...new Set(['UTC', current.timezone, ...zones])].map((zone) => [zone, zone]) }),
    thresholdField(current),
    goalFields(current),
    h('button', { type: 'submit', class: 'primary' }, 'Save')), async (data) => {
    // The operation replaces every setting: the ones this form does not show are sent as they are.
    const input = Object.fromEntries(EDITABLE.map((key) => [key, current[key] ?? null]));
    ['distance_unit', 'week_start', 'timezone'].forEach((key) => { input[key] = data.get(key); });
    Object.assign(input, goals(data), { threshold_pace: threshold(data) });
    const saved = await api('PUT', '/athlete', input);
    const unitChanged = saved.distance_unit !== current.distance_unit;
    Object.assign(current, saved);
    useSettings(saved);
    announce('Settings saved.');
    // The goals' distances and the pace are shown in the unit: a new unit shows them anew.
    if (unitChanged) await render(main);
  });
  show(main, h('h1', null, 'Settings'), form);
}

// The goals that home measures the weeks and months against; an empty field is no goal.
const GOALS = [
  ['weekly', 'Weekly'],
  ['monthly', 'Monthly'],
];

function goalFields(current) {
  const km = (value) => (value == null ? null : Math.round(toUnit(value) * 10) / 10);
  return h('fieldset', { class: 'goals' }, h('legend', null, 'Goals (optional)'),
    GOALS.map(([period, name]) => h('div', { class: 'row' },
      field(`${name} distance (${unit()})`, { type: 'number', name: `${period}_distance_goal_km`, min: 0.1, step: 0.1,
        inputmode: 'decimal', value: km(current[`${period}_distance_goal_km`]) }),
      field(`${name} runs`, { type: 'number', name: `${period}_runs_goal`, min: 1, step: 1, inputmode: 'numeric',
        value: current[`${period}_runs_goal`] }),
      field(`${name} time (minutes)`, { type: 'number', name: `${period}_duration_goal_minutes`, min: 1, step: 1,
        inputmode: 'numeric', value: current[`${period}_duration_goal_minutes`] }))));
}

function goals(data) {
  const number = (key) => (data.get(key) === '' ? null : Number(data.get(key)));
  const input = {};
  for (const [period] of GOALS) {
    const distance = number(`${period}_distance_goal_km`);
    input[`${period}_distance_goal_km`] = distance == null ? null : Math.round(fromUnit(distance) * 1000) / 1000;
    input[`${period}_runs_goal`] = number(`${period}_runs_goal`);
    input[`${period}_duration_goal_minutes`] = number(`${period}_duration_goal_minutes`);
  }
  return input;
}

// The pace that sets a run's intensity (form, predictions, a generated plan's paces): typed per
// the athlete's unit, stored per km. Empty: the platform estimates it from a recent effort.
function thresholdField(current) {
  const value = current.threshold_pace == null ? null : duration(current.threshold_pace * fromUnit(1));
  return field(`Threshold pace (per ${unit()}, optional)`, { name: 'threshold_pace', inputmode: 'numeric', placeholder: '4:30',
    pattern: '[0-9:.]+', value }, 'about your one-hour race pace, m:ss; estimated from your best recent run when empty');
}

function threshold(data) {
  const text = data.get('threshold_pace').trim();
  if (!text) return null;
  const minutes = parseDuration(text);
  if (!(minutes > 0)) {
    throw Object.assign(new Error('Please check the settings.'), { fields: [{ field: 'threshold_pace', message: 'a pace as m:ss' }] });
  }
  return Math.round((minutes / fromUnit(1)) * 1000) / 1000;
}
