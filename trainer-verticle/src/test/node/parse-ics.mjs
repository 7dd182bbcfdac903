// Reads an iCalendar file with Mozilla's ical.js, an independent parser, and prints what a
// calendar app would see, as JSON, for the Java tests to check. Bytes that are not UTF-8 fail.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

// RFC 5545 3.8.8.2: a non-standard property is TEXT unless it says otherwise; ical.js leaves it raw.
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' };

const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(process.argv[2]));
const calendar = new ICAL.Component(ICAL.parse(text));
const value = (component, name) => {
  const property = component.getFirstProperty(name);
  return property === null ? null : String(property.getFirstValue());
};
const type = (component, name) => {
  const property = component.getFirstProperty(name);
  return property === null ? null : property.type;
};
const events = calendar.getAllSubcomponents('vevent').map((event) => ({
  uid: value(event, 'uid'),
  dtstart: value(event, 'dtstart'),
  dtstart_type: type(event, 'dtstart'),
  dtend: value(event, 'dtend'),
  dtend_type: type(event, 'dtend'),
  dtstamp: value(event, 'dtstamp'),
  sequence: event.getFirstPropertyValue('sequence'),
  last_modified: value(event, 'last-modified'),
  summary: value(event, 'summary'),
  description: value(event, 'description'),
}));
const properties = {};
for (const name of ['prodid', 'version', 'calscale', 'method', 'x-wr-calname', 'refresh-interval', 'x-published-ttl']) {
  properties[name] = value(calendar, name);
}
process.stdout.write(JSON.stringify({ name: calendar.name, properties, events }));
