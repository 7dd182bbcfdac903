// A runner's journey through the web app in Debian's Chromium, against a running platform (see
// browser.mjs): register, plan, arrange, record, print, settings, reload, another user, log out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  BASE, awaitMail, axe, day, heading, launch, newPage, nextWeek, problems, register, shot, today, unexpectedProblems,
} from './browser.mjs';

let browser;
let context;
let page;
const ann = { email: `ann-${Date.now()}@example.com`, plan: 'Spring 10k' };

before(async () => {
  browser = await launch();
  ({ ctx: context, p: page } = await newPage(browser));
});

after(async () => {
  await browser?.close();
});

test('the login page is accessible and served under a strict CSP', async () => {
  const response = await page.goto(BASE);
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /script-src 'self';/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(response.headers()['x-content-type-options'], 'nosniff');
  await heading(page, 'Log in');
  await axe(page, 'login');
  await shot(page, 'login');
});

test('a wrong password is shown from the problem details', async () => {
  await page.getByLabel('Email').fill('nobody@example.com');
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /\S/);
});

test('registering opens a session on the week, which is empty', async () => {
  await register(page, ann.email);
  await page.getByText('Nothing planned or run this week').waitFor();
});

test('the mailed verification link opens a page of the app that completes it', async () => {
  const mail = await awaitMail(ann.email, /verify|confirm/i);
  assert.ok(mail.link.startsWith(`${BASE}/verify-email?token=`), mail.link);
  const { ctx, p } = await newPage(browser);
  await p.goto(mail.link);
  await heading(p, 'Email verified');
  await ctx.close();
});

test('a plan is made from the plans page', async () => {
  await page.getByRole('link', { name: 'Plans' }).click();
  await heading(page, 'Plans');
  await page.getByText('No plan yet').waitFor();
  await axe(page, 'plans');
  await page.getByLabel('Name').fill(ann.plan);
  await page.getByLabel('Start').fill(day(-14));
  await page.getByLabel('End', { exact: true }).fill(day(60));
  await page.getByRole('button', { name: 'Create plan' }).click();
  await heading(page, ann.plan);
  ann.planId = page.url().split('/').pop();
});

async function addWorkout(date, name, km) {
  await page.locator(`li[data-date="${date}"] button.add`).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Distance (km)').fill(String(km));
  await dialog.getByRole('button', { name: 'Add workout' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator(`li[data-date="${date}"] button.workout`, { hasText: name }).waitFor();
}

test('workouts are added to the calendar', async () => {
  await addWorkout(today, 'Easy 10', 10);
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await page.getByRole('button', { name: 'Next week' }).click();
  await addWorkout(nextWeek(0), 'Tempo 8', 8);
  await axe(page, 'calendar');
});

test('a workout dragged to another day moves there', async () => {
  await page.locator('button.workout', { hasText: 'Tempo 8' }).dragTo(page.locator(`li[data-date="${nextWeek(1)}"]`));
  await page.locator(`li[data-date="${nextWeek(1)}"] button.workout`, { hasText: 'Tempo 8' }).waitFor();
  assert.equal(await page.locator(`li[data-date="${nextWeek(0)}"] button.workout`).count(), 0);
});

test('a workout moves a day with Alt and an arrow key, and keeps the focus', async () => {
  await page.locator('button.workout', { hasText: 'Tempo 8' }).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await page.locator(`li[data-date="${nextWeek(2)}"] button.workout`, { hasText: 'Tempo 8' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id),
    await page.locator('button.workout', { hasText: 'Tempo 8' }).getAttribute('data-id'));
});

test('recording a workout\'s run shows its pace as it is typed and marks it done', async () => {
  await page.getByRole('button', { name: 'Previous week' }).click();
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  await page.locator('button.workout', { hasText: 'Easy 10' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Distance (km)').last().fill('10.2');
  await dialog.getByLabel('Time').fill('56:06');
  assert.equal(await dialog.locator('output.pace').innerText(), '5:30 /km');
  await shot(page, 'record-run');
  await dialog.getByRole('button', { name: 'Log run' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('button.workout.green', { hasText: 'Easy 10' }).waitFor();
  await shot(page, 'calendar');
});

test('the week shows the compliance, planned against done, and the next workout', async () => {
  await page.getByRole('link', { name: 'This week' }).click();
  await heading(page, 'This week');
  const easy = page.locator('li.workout', { hasText: 'Easy 10' });
  assert.match(await easy.innerText(), /done as planned/);
  assert.match(await page.locator('.totals').innerText(), /10\.2 km\s+done/);
  assert.match(await page.locator('.next').innerText(), /Tempo 8/);
  await axe(page, 'home');
  await shot(page, 'home');
});

test('a run is logged from the runs page, listed, and deleted', async () => {
  await page.getByRole('link', { name: 'Runs' }).click();
  await heading(page, 'Runs');
  const form = page.locator('form.run-form');
  await form.getByLabel('Distance (km)').fill('5');
  await form.getByLabel('Time').fill('30');
  assert.equal(await form.locator('output.pace').innerText(), '6:00 /km');
  await form.getByRole('button', { name: 'Log run' }).click();
  await page.locator('.run-item', { hasText: '5.0 km in 30:00' }).waitFor();
  assert.equal(await page.locator('.run-item').count(), 2);
  await axe(page, 'runs');
  await shot(page, 'runs');
  await page.locator('.run-item', { hasText: '5.0 km in 30:00' }).getByRole('button', { name: /Delete/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete run' }).click();
  await page.locator('.run-item', { hasText: '5.0 km in 30:00' }).waitFor({ state: 'detached' });
});

test('a PDF of the plan is generated, followed until ready, and downloaded', async () => {
  await page.getByRole('link', { name: 'Print' }).click();
  await heading(page, 'Print & subscribe');
  await page.getByRole('button', { name: 'Generate PDF' }).click();
  const download = page.getByRole('button', { name: 'Download' });
  await download.waitFor({ timeout: 30_000 });
  await axe(page, 'print');
  await shot(page, 'print');
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const bytes = readFileSync(await file.path());
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
});

test('miles chosen in the settings are what the app shows', async () => {
  await page.getByRole('link', { name: 'Settings' }).click();
  await heading(page, 'Settings');
  await axe(page, 'settings');
  await page.getByLabel('Distances in').selectOption('mi');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Settings saved.').waitFor({ state: 'attached' });
  await page.getByRole('link', { name: 'This week' }).click();
  await heading(page, 'This week');
  assert.match(await page.locator('.totals').innerText(), /6\.3 mi\s+done/);
});

test('a reload keeps the session, and script never sees the refresh token', async () => {
  await page.reload();
  await heading(page, 'This week');
  assert.equal(await page.evaluate(() => document.cookie), '');
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'rt_refresh');
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');
  assert.equal(session.path, '/api/v1/auth/refresh');
});

test('another user sees none of the first one\'s plans, runs or ids', async () => {
  const { ctx, p } = await newPage(browser);
  await register(p, `bob-${Date.now()}@example.com`);
  await p.goto(`${BASE}/#/plans/${ann.planId}`);
  await p.getByRole('heading', { level: 1, name: 'Something went wrong' }).waitFor();
  assert.doesNotMatch(await p.locator('main').innerText(), new RegExp(ann.plan));
  await p.goto(`${BASE}/#/plans`);
  await p.getByText('No plan yet').waitFor();
  await p.goto(`${BASE}/#/runs`);
  await p.getByText('No run logged yet.').waitFor();
  assert.doesNotMatch(await p.content(), new RegExp(ann.planId));
  await ctx.close();
});

test('logging out ends the session, and a reload does not bring it back', async () => {
  await page.getByRole('button', { name: 'Log out' }).click();
  await heading(page, 'Log in');
  await page.reload();
  await heading(page, 'Log in');
  await page.goto(`${BASE}/#/register`);
  await heading(page, 'Create your account');
  await axe(page, 'register');
});

test('the mailed verification link opens a page that says what became of it', async () => {
  const before = problems.length;
  await page.goto(`${BASE}/verify-email?token=not-a-token-that-was-mailed`);
  await heading(page, 'Email not verified');
  assert.match(await page.getByRole('alert').innerText(), /\S/);
  // The browser logs the token's refusal (400), which is what this page is for.
  problems.splice(before);
  await axe(page, 'verify-email');
});

test('no page logged a script error or a refused resource', () => {
  assert.deepEqual(unexpectedProblems(), []);
});
