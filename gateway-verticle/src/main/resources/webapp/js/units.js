// Distances are stored in km; the athlete's settings choose what is shown. Dates are ISO days.
const KM_PER_MILE = 1.609344;

let settings = { distance_unit: 'km', week_start: 'monday', timezone: 'UTC' };

export function useSettings(athlete) {
  settings = { ...settings, ...athlete };
}

export function currentSettings() {
  return settings;
}

export function unit() {
  return settings.distance_unit === 'mi' ? 'mi' : 'km';
}

/** A distance in km, in the athlete's unit. */
export function toUnit(km) {
  return unit() === 'mi' ? km / KM_PER_MILE : km;
}

/** A distance typed in the athlete's unit, in km. */
export function fromUnit(value) {
  return unit() === 'mi' ? value * KM_PER_MILE : value;
}

export function distance(km) {
  return km == null ? '' : `${toUnit(km).toFixed(1)} ${unit()}`;
}

/** Minutes as h:mm:ss or m:ss. */
export function duration(minutes) {
  if (minutes == null) return '';
  const total = Math.round(minutes * 60);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Minutes per km as m:ss per the athlete's unit. */
export function pace(minutesPerKm) {
  if (!minutesPerKm || !Number.isFinite(minutesPerKm)) return '';
  const perUnit = unit() === 'mi' ? minutesPerKm * KM_PER_MILE : minutesPerKm;
  return `${duration(perUnit)} /${unit()}`;
}

/** "45", "45:30", "1:05:00" as minutes; NaN when it is none of them. */
export function parseDuration(text) {
  const parts = String(text).trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return NaN;
  const numbers = parts.map(Number);
  if (numbers.length === 1) return numbers[0];
  if (numbers.length === 2) return numbers[0] + numbers[1] / 60;
  return numbers[0] * 60 + numbers[1] + numbers[2] / 60;
}

/** Today in the athlete's time zone, as YYYY-MM-DD. */
export function today() {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: settings.timezone }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

export function addDays(iso, days) {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The first day of the athlete's week that holds this day. */
export function weekStart(iso) {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  const first = settings.week_start === 'sunday' ? 0 : 1;
  return addDays(iso, -((day - first + 7) % 7));
}

export function dayName(iso, style = 'short') {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, { weekday: style, timeZone: 'UTC' });
}

export function longDate(iso) {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined,
    { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function shortDate(iso) {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

export function monthName(iso) {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export const WORKOUT_TYPES = ['easy_run', 'recovery_run', 'long_run', 'tempo', 'intervals', 'fartlek', 'hill_repeats',
  'progression', 'race', 'cross_training', 'rest'];

export function typeName(type) {
  return type.replace(/_/g, ' ');
}

const COMPLIANCE = {
  green: 'done as planned', yellow: 'partly done', red: 'far from plan', missed: 'missed', upcoming: 'to do', rest: 'rest',
};

export function complianceText(status) {
  return COMPLIANCE[status] || status;
}
