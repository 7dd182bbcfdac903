// Strava, print and the calendar feed in Debian's Chromium (see browser.mjs): a runner connects
// Strava through the fake's consent page, syncs, sees the activities and, on a runs page open in
// another tab, the runs arriving live; disconnects; prints a plan whose status comes live from the
// event stream (no polling); subscribes to the plan's calendar feed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  BASE, axe, day, email, heading, launch, newPage, problems, register, shot, unexpectedProblems,
} from './browser.mjs';

let browser;
let context;
let page;
let runs;

before(async () => {
  browser = await launch();
  ({ ctx: context, p: page } = await newPage(browser));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
});

after(async () => {
  await browser?.close();
});

test('the Strava screen is offered, and connecting goes through Strava and back to it', async () => {
  await register(page, email('strava'));
  await page.getByRole('link', { name: 'Strava' }).click();
  await heading(page, 'Strava');
  await axe(page, 'strava-connect');
  await page.getByRole('button', { name: 'Connect with Strava' }).click();
  await page.waitForURL(`${BASE}/#/strava`);
  await page.getByRole('heading', { name: 'Connected' }).waitFor();
  assert.match(await page.getByRole('alert').innerText(), /Strava is connected: Ann Strider/);
  assert.match(await page.locator('main').innerText(), /not synced yet/);
});

test('a sync imports the activities, and its runs appear on a runs page open in another tab', async () => {
  runs = await context.newPage();
  await runs.goto(`${BASE}/#/runs`);
  await heading(runs, 'Runs');
  await runs.getByText('No run logged yet').waitFor();
  await runs.evaluate(() => { window.notReloaded = true; });

  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.locator('.progress[data-state="done"]').waitFor({ timeout: 30_000 });
  assert.match(await page.locator('.progress').innerText(), /3 imported/);
  await page.getByText(/last synced/).waitFor();
  await page.locator('.activity').nth(2).waitFor();
  const activities = await page.locator('.activity').allInnerTexts();
  assert.equal(activities.length, 3);
  assert.match(activities[0], /Run · 8\.0 km/);
  assert.match(activities[1], /Ride[\s\S]*Not a run: listed, not counted/);
  assert.match(activities[2], /Run · 12\.0 km/);

  await runs.locator('.run-item', { hasText: 'From Strava' }).nth(1).waitFor();
  assert.equal(await runs.locator('.run-item').count(), 2);
  assert.equal(await runs.evaluate(() => window.notReloaded), true);
  await axe(page, 'strava');
  await shot(page, 'strava');
});

test('disconnecting says what goes and what stays, and the imported runs leave the open runs page', async () => {
  await page.getByRole('button', { name: 'Disconnect Strava' }).click();
  const dialog = page.getByRole('dialog');
  assert.match(await dialog.innerText(), /Runs you logged yourself stay/);
  await dialog.getByRole('button', { name: 'Disconnect' }).click();
  await page.getByRole('button', { name: 'Connect with Strava' }).waitFor();
  assert.match(await page.getByRole('alert').innerText(), /disconnected/);
  await runs.getByText('No run logged yet').waitFor();
  assert.equal(await runs.evaluate(() => window.notReloaded), true);
  await runs.close();
});

test('a PDF\'s status comes live from the event stream, without polling, and it downloads', async () => {
  await page.getByRole('link', { name: 'Plans' }).click();
  await heading(page, 'Plans');
  await page.getByLabel('Name').fill('Autumn half');
  await page.getByLabel('Start').fill(day(-7));
  await page.getByLabel('End', { exact: true }).fill(day(40));
  await page.getByRole('button', { name: 'Create plan' }).click();
  await heading(page, 'Autumn half');

  await page.getByRole('link', { name: 'Print' }).click();
  await heading(page, 'Print & subscribe');
  await page.getByText('No PDF yet').waitFor();
  const asked = [];
  page.on('request', (request) => {
    if (/\/api\/v1\/pdf(\/plans\/[^/]+\/status|\?)/.test(request.url())) asked.push(request.url());
  });
  await page.getByLabel('Layout').selectOption('monthly');
  await page.getByLabel('Paper').selectOption('letter');
  await page.getByRole('button', { name: 'Generate PDF' }).click();
  const download = page.getByRole('button', { name: 'Download' });
  await download.waitFor({ timeout: 30_000 });
  assert.deepEqual(asked, [], 'the status came from the stream: the page asked nothing');
  assert.match(await page.locator('.pdf').innerText(), /Autumn half · A month per page, Letter/);
  await axe(page, 'print');
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  assert.equal(readFileSync(await file.path()).subarray(0, 5).toString(), '%PDF-');
});

test('while the event stream is down the print screen asks the status itself', async () => {
  const before = problems.length;
  await page.route('**/api/v1/events', (route) => route.abort());
  await page.reload();
  await heading(page, 'Print & subscribe');
  const asked = [];
  page.on('request', (request) => { if (/\/api\/v1\/pdf\/plans\/[^/]+\/status/.test(request.url())) asked.push(request.url()); });
  await page.getByRole('button', { name: 'Generate PDF' }).click();
  await page.getByRole('button', { name: 'Download' }).nth(1).waitFor({ timeout: 30_000 });
  assert.ok(asked.length > 0, 'the status was asked');
  await page.unroute('**/api/v1/events');
  // The browser logs the aborted stream's failures, which this test provokes; only those go.
  const others = problems.splice(before).filter((text) => !/net::ERR_FAILED/.test(text));
  problems.push(...others);
});

test('the plan\'s calendar feed address is made, copied, and serves the calendar', async () => {
  await page.getByRole('button', { name: 'Make a calendar address' }).click();
  const address = await page.getByLabel('Calendar address').inputValue();
  assert.ok(address.startsWith(`${BASE}/api/v1/calendar/`) && address.endsWith('.ics'), address);
  await page.getByRole('button', { name: 'Copy address' }).click();
  await page.getByText('Copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), address);
  assert.equal(await page.getByRole('link', { name: 'Open in my calendar app' }).getAttribute('href'),
    address.replace(/^http/, 'webcal'));
  const feed = await fetch(address);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type'), /^text\/calendar/);
  assert.match(await feed.text(), /BEGIN:VCALENDAR/);
  await axe(page, 'print-feed');
  await shot(page, 'print-subscribe');
});

test('where the server has no Strava application, the app offers no Strava', async () => {
  const before = problems.length;
  const { ctx, p } = await newPage(browser);
  // The strava service's answer without a client id (StravaUnconfiguredTest).
  await p.route('**/api/v1/strava/connection', (route) => route.fulfill({
    status: 503, contentType: 'application/problem+json', headers: { 'Retry-After': '3600' },
    body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'Strava is not configured on this server' }),
  }));
  await register(p, email('nostrava'));
  await p.getByRole('link', { name: 'Runs' }).waitFor();
  assert.equal(await p.getByRole('link', { name: 'Strava' }).count(), 0);
  await p.goto(`${BASE}/#/strava`);
  await heading(p, 'Strava');
  await p.getByText('Strava is not available on this server').waitFor();
  assert.equal(await p.getByRole('button', { name: /Connect/ }).count(), 0);
  await ctx.close();
  // The browser logs the 503s this test provokes; only those go.
  const others = problems.splice(before).filter((text) => !/status of 503/.test(text));
  problems.push(...others);
});

test('no page logged a script error or a refused resource', () => {
  assert.deepEqual(unexpectedProblems(), []);
});
