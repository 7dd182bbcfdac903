// The settings that decide how the app shows things: distance unit, first day of the week, time zone.
import { api } from '../api.js';
import { announce, field, h, show, submitting } from '../dom.js';
import { useSettings } from '../units.js';

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
    h('button', { type: 'submit', class: 'primary' }, 'Save')), async (data) => {
    // The operation replaces every setting: the ones this form does not show are sent as they are.
    const input = Object.fromEntries(EDITABLE.map((key) => [key, current[key] ?? null]));
    ['distance_unit', 'week_start', 'timezone'].forEach((key) => { input[key] = data.get(key); });
    const saved = await api('PUT', '/athlete', input);
    Object.assign(current, saved);
    useSettings(saved);
    announce('Settings saved.');
  });
  show(main, h('h1', null, 'Settings'), form);
}
