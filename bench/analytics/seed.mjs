// Makes the analytics benchmark's two athletes through the public API (Node 18+, no npm
// packages): registers and logs them in, sets their settings, and gives each a plan with three
// races in the last 90 days, so that predictions have an effort to find. The 25,000 runs each
// come afterwards, straight into PostgreSQL (seed.sql): 50,000 POSTs would measure the POST.
//
//   node bench/analytics/seed.mjs seed OUT.json TODAY   both athletes; their emails, ids and race run ids
//   node bench/analytics/seed.mjs login EMAIL           a fresh access token (and nothing else)
//
// Environment: AUTH_URL (default http://127.0.0.1:8014), TRAINER_URL (default http://127.0.0.1:8011).

import { writeFileSync } from 'node:fs';

const AUTH = process.env.AUTH_URL ?? 'http://127.0.0.1:8014';
const TRAINER = process.env.TRAINER_URL ?? 'http://127.0.0.1:8011';
const PASSWORD = 'bench-password-0123';
const DAY = 86_400_000;
const day = (iso, plus) => new Date(Date.parse(iso + 'T00:00:00Z') + plus * DAY).toISOString().slice(0, 10);

async function call(method, url, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} -> ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function login(email) {
  return (await call('POST', `${AUTH}/api/v1/auth/login`, { email, password: PASSWORD })).access_token;
}

const subject = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;

/** An athlete with these settings and a 10 km race 10, 40 and 70 days before today. */
async function athlete(name, settings, today) {
  const email = `${name}-${Date.now()}@bench.example.com`;
  await call('POST', `${AUTH}/api/v1/auth/register`, { email, password: PASSWORD, display_name: name });
  const token = await login(email);
  await call('PUT', `${TRAINER}/api/v1/athlete`, settings, token);
  const plan = await call('POST', `${TRAINER}/api/v1/plans`,
    { name: 'Race season', start_date: day(today, -89), end_date: today }, token);
  const races = [];
  for (const [ago, minutes] of [[70, 44.5], [40, 43.2], [10, 43.9]]) {
    const workout = await call('POST', `${TRAINER}/api/v1/workouts`, {
      plan_id: plan.id, name: `10 km race, ${ago} days ago`, workout_type: 'race',
      scheduled_date: day(today, -ago), distance_km: 10,
    }, token);
    const run = await call('POST', `${TRAINER}/api/v1/runs`, {
      workout_id: workout.id, actual_date: day(today, -ago), distance_km: 10, duration_minutes: minutes,
    }, token);
    races.push(run.id);
  }
  return { email, user_id: subject(token), races };
}

const [command, arg, today] = process.argv.slice(2);
if (command === 'login' && arg) {
  process.stdout.write(await login(arg));
} else if (command === 'seed' && arg && today) {
  const seeded = {
    // The threshold pace of the settings: the load's plain path.
    threshold: await athlete('bench-load-threshold', { threshold_pace: 4.8, timezone: 'Europe/Paris' }, today),
    // No threshold pace: each load request first estimates it from the best effort of 90 days.
    estimated: await athlete('bench-load-estimated', { timezone: 'Europe/Paris' }, today),
  };
  writeFileSync(arg, JSON.stringify(seeded, null, 2) + '\n');
} else {
  console.error('usage: node bench/analytics/seed.mjs seed OUT.json YYYY-MM-DD | login EMAIL');
  process.exit(2);
}
