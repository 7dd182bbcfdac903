// A moment (an API timestamp, UTC) as the athlete reads it: in their time zone.
import { currentSettings } from './units.js';

export function stamp(iso) {
  if (!iso) return '';
  const options = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Date(iso).toLocaleString(undefined, { ...options, timeZone: currentSettings().timezone });
  } catch {
    return new Date(iso).toLocaleString(undefined, options);
  }
}
