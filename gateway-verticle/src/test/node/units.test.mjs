// The web app's units and dates (webapp/js/units.js), in Node: no browser needed for arithmetic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays, distance, fromUnit, pace, parseDuration, toUnit, useSettings, weekStart,
} from '../../main/resources/webapp/js/units.js';

test('a time is typed as minutes, m:ss or h:mm:ss', () => {
  assert.equal(parseDuration('45'), 45);
  assert.equal(parseDuration('45:30'), 45.5);
  assert.equal(parseDuration('1:05:00'), 65);
});

test('a time that is none of those is not a number', () => {
  for (const text of ['', 'abc', '1:2:3:4', '-5', '5:xx']) assert.ok(Number.isNaN(parseDuration(text)), text);
});

test('kilometres are shown as they are stored', () => {
  useSettings({ distance_unit: 'km' });
  assert.equal(distance(10.2), '10.2 km');
  assert.equal(pace(5.5), '5:30 /km');
});

test('miles are shown and typed in miles, and stored in km', () => {
  useSettings({ distance_unit: 'mi' });
  assert.equal(distance(16.09344), '10.0 mi');
  assert.equal(pace(5), '8:03 /mi');
  assert.equal(fromUnit(1), 1.609344);
  assert.equal(toUnit(fromUnit(3)), 3);
  useSettings({ distance_unit: 'km' });
});

test('a week starts on the athlete\'s first day', () => {
  useSettings({ week_start: 'monday' });
  assert.equal(weekStart('2026-12-06'), '2026-11-30');
  assert.equal(weekStart('2026-11-30'), '2026-11-30');
  useSettings({ week_start: 'sunday' });
  assert.equal(weekStart('2026-12-05'), '2026-11-29');
  assert.equal(weekStart('2026-11-29'), '2026-11-29');
  useSettings({ week_start: 'monday' });
});

test('days are added across months and years', () => {
  assert.equal(addDays('2026-02-28', 1), '2026-03-01');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2027-01-01', -1), '2026-12-31');
});
