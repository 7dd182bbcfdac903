// Seeds the benchmark's data through the public HTTP API (Node 20, no npm packages).
//
//   node bench/seed.mjs seed  OUT.json   register both users, create their plans, workouts and runs
//   node bench/seed.mjs login EMAIL      print a fresh access token (and nothing else)
//
// Environment: AUTH_URL (default http://127.0.0.1:8004), TRAINER_URL (default
// http://127.0.0.1:8001), SEED_CONCURRENCY (requests in flight, default 32), RUNS_USER2
// (default 10000). All figures are drawn from a seeded generator, so that every run of the
// benchmark sends the same workload.

import { writeFileSync } from 'node:fs';

const AUTH = process.env.AUTH_URL ?? 'http://127.0.0.1:8004';
const TRAINER = process.env.TRAINER_URL ?? 'http://127.0.0.1:8001';
const CONCURRENCY = Number(process.env.SEED_CONCURRENCY ?? 32);
const RUNS_USER2 = Number(process.env.RUNS_USER2 ?? 10000);
const PASSWORD = 'bench-password-0123';

// ---------------------------------------------------------------- helpers

/** mulberry32: a small seeded PRNG, so that the data is the same on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const day = (iso, plus = 0) => new Date(Date.parse(iso + 'T00:00:00Z') + plus * DAY).toISOString().slice(0, 10);
const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;

async function call(method, url, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  for (let attempt = 1; ; attempt++) {
    let res;
    try {
      res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      if (attempt < 3) continue; // a connection reset under load: try again
      throw new Error(`${method} ${url}: ${e.cause?.message ?? e.message}`);
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} -> ${res.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  }
}

/** Runs fn over items with at most `limit` calls in flight; results in item order. */
async function pooled(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function register(email, displayName) {
  await call('POST', `${AUTH}/api/v1/auth/register`, { email, password: PASSWORD, display_name: displayName });
}

async function login(email) {
  const body = await call('POST', `${AUTH}/api/v1/auth/login`, { email, password: PASSWORD });
  return body.access_token;
}

/** The user id: the `sub` claim of the token. */
const subject = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;

// ---------------------------------------------------------------- the data

// A week of a 16-week marathon block: five sessions, the hard one rotating.
const QUALITY = ['intervals', 'tempo', 'hill_repeats', 'fartlek', 'progression'];

/**
 * The workouts of a plan starting on Monday `start`: ~5 a week (Tue quality, Wed easy,
 * Thu tempo/progression or cross-training, Sat long, Sun recovery), volume building with a
 * cut-back every 4th week and a taper into a race on the last Sunday.
 */
function planWorkouts(start, random) {
  const workouts = [];
  for (let week = 0; week < 16; week++) {
    const cutback = week % 4 === 3;
    const taper = week >= 14;
    const scale = (1 + week * 0.05) * (cutback ? 0.75 : 1) * (taper ? 0.7 : 1);
    const add = (dow, type, name, km, pace) => {
      const distance = km == null ? null : round(km * scale * (0.9 + random() * 0.2), 1);
      const minutes = km == null ? round(40 + random() * 20, 0) : round(distance * pace, 1);
      workouts.push({ name: `W${week + 1} ${name}`, workout_type: type, scheduled_date: day(start, week * 7 + dow),
        distance_km: distance, duration_minutes: minutes });
    };
    const quality = QUALITY[week % QUALITY.length];
    add(1, quality, quality.replace('_', ' '), 9, 5.0);
    add(2, 'easy_run', 'easy', 8, 5.8);
    if (week % 3 === 2) add(3, 'cross_training', 'bike', null, 0);
    else add(3, week % 2 ? 'progression' : 'tempo', 'steady', 10, 5.2);
    if (week === 15) {
      add(6, 'race', 'marathon', 42.195 / scale, 4.9);
    } else {
      add(5, 'long_run', 'long', 18 + week, 5.9);
      add(6, 'recovery_run', 'recovery', 6, 6.3);
    }
  }
  return workouts;
}

/** A run done for `workout` (on its day or the next), or an unplanned one on `date`. */
function runFor(workout, date, random) {
  const km = workout?.distance_km ?? round(4 + random() * 10, 1);
  const distance = round(Math.max(0.5, km * (0.85 + random() * 0.3)), 2);
  const pace = 4.6 + random() * 1.8;
  const run = { actual_date: date, distance_km: distance, duration_minutes: round(distance * pace, 1) };
  if (workout) run.workout_id = workout.id;
  if (random() < 0.3) run.notes = ['felt strong', 'windy', 'legs heavy', 'hot and humid', 'new shoes'][Math.floor(random() * 5)];
  return run;
}

async function createPlan(token, name, start, random) {
  const plan = await call('POST', `${TRAINER}/api/v1/plans`, { name, start_date: start, end_date: day(start, 111) }, token);
  const inputs = planWorkouts(start, random).map((w) => ({ plan_id: plan.id, ...w }));
  const workouts = await pooled(inputs, CONCURRENCY, (w) => call('POST', `${TRAINER}/api/v1/workouts`, w, token));
  return { plan, workouts };
}

async function postRuns(token, runs) {
  return pooled(runs, CONCURRENCY, (r) => call('POST', `${TRAINER}/api/v1/runs`, r, token));
}

/** User 1: one 16-week plan (112 days), ~5 workouts a week, 300 runs, most linked to workouts. */
async function seedUser1(stamp) {
  const random = rng(1);
  const email = `bench-runner-${stamp}@example.com`;
  await register(email, 'Bench Runner');
  const token = await login(email);
  const start = '2026-03-02'; // a Monday; the plan ends on Sunday 2026-06-21
  const { plan, workouts } = await createPlan(token, 'Spring marathon block', start, random);
  const runs = [];
  // Every workout done once (a few a day late) ...
  for (const w of workouts) runs.push(runFor(w, day(w.scheduled_date, random() < 0.15 ? 1 : 0), random));
  // ... the easy and recovery days often doubled (a second, shorter run linked to the same workout) ...
  const doubles = workouts.filter((w) => ['easy_run', 'recovery_run', 'long_run'].includes(w.workout_type));
  while (runs.length < 260) {
    const w = doubles[Math.floor(random() * doubles.length)];
    runs.push(runFor({ ...w, distance_km: round((w.distance_km ?? 8) * 0.4, 1) }, w.scheduled_date, random));
  }
  // ... and the rest unplanned runs on any day of the plan.
  while (runs.length < 300) runs.push(runFor(null, day(start, Math.floor(random() * 112)), random));
  const created = await postRuns(token, runs);
  return { email, user_id: subject(token), plan_id: plan.id, workouts: workouts.length,
    runs: created.length, linked_runs: created.filter((r) => r.workout_id).length, sample_workout_id: workouts[1].id };
}

/**
 * User 2: 10,000 runs over four years (2022-01-03 .. 2025-12-28), with two 16-week plans a
 * year; runs on a planned day are linked to that day's workout.
 */
async function seedUser2(stamp) {
  const random = rng(2);
  const email = `bench-veteran-${stamp}@example.com`;
  await register(email, 'Bench Veteran');
  const token = await login(email);
  const first = '2022-01-03';
  const days = 4 * 52 * 7; // 1456 days, Monday to Sunday
  const byDate = new Map();
  let workoutCount = 0;
  for (let year = 0; year < 4; year++) {
    for (const offset of [0, 26 * 7]) {
      const start = day(first, year * 52 * 7 + offset);
      const { workouts } = await createPlan(token, `Block ${2022 + year}-${offset ? 'B' : 'A'}`, start, random);
      workoutCount += workouts.length;
      for (const w of workouts) byDate.set(w.scheduled_date, w);
    }
  }
  const runs = [];
  for (let i = 0; i < RUNS_USER2; i++) {
    const date = day(first, Math.floor((i * days) / RUNS_USER2));
    const w = byDate.get(date);
    runs.push(runFor(w && random() < 0.5 ? w : null, date, random));
  }
  const started = Date.now();
  const created = await postRuns(token, runs);
  const seconds = (Date.now() - started) / 1000;
  return { email, user_id: subject(token), workouts: workoutCount, runs: created.length,
    linked_runs: created.filter((r) => r.workout_id).length, runs_seconds: seconds };
}

// ---------------------------------------------------------------- main

const [command, arg] = process.argv.slice(2);
if (command === 'login' && arg) {
  process.stdout.write(await login(arg));
} else if (command === 'seed' && arg) {
  const stamp = Date.now().toString(36);
  const started = Date.now();
  const user1 = await seedUser1(stamp);
  console.error(`seed: user 1 ${user1.email}: 1 plan, ${user1.workouts} workouts, ${user1.runs} runs (${user1.linked_runs} linked)`);
  const user2 = await seedUser2(stamp);
  console.error(`seed: user 2 ${user2.email}: 8 plans, ${user2.workouts} workouts, ${user2.runs} runs (${user2.linked_runs} linked);`
    + ` the ${RUNS_USER2} run POSTs took ${user2.runs_seconds.toFixed(1)} s (${Math.round(user2.runs / user2.runs_seconds)}/s,`
    + ` ${CONCURRENCY} in flight)`);
  const out = { password: PASSWORD, user1, user2, seconds: (Date.now() - started) / 1000 };
  writeFileSync(arg, JSON.stringify(out, null, 2) + '\n');
} else {
  console.error('usage: node seed.mjs seed OUT.json | node seed.mjs login EMAIL');
  process.exit(2);
}
