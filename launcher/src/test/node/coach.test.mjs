// Coaching in the web app: an athlete invites a coach by email, the coach follows the mailed link,
// accepts once an admin made them a coach, reads the athlete's plan, edits it once the share
// allows, brands their printed plans; another athlete's plans never show to them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PASSWORD, awaitMail, axe, day, email, heading, launch, newPage, register, shot, unexpectedProblems,
} from './browser.mjs';

const ADMIN = process.env.ADMIN_URL;
const ann = { email: email('ann'), plan: 'Autumn half', workout: 'Easy hour' };
const cora = { email: email('cora') };
const ben = { email: email('ben'), plan: 'Ben private plan' };
let browser;
let athlete;
let coach;

before(async () => {
  browser = await launch();
  athlete = (await newPage(browser)).p;
  coach = (await newPage(browser)).p;
});

after(async () => {
  await browser?.close();
});

async function call(method, path, token, body) {
  const response = await fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
  return response.status === 204 ? null : response.json();
}

// As the platform's operator and admin would: --make-admin, then the admin API grants the role.
async function makeCoach(address) {
  const admin = email('admin');
  await call('POST', '/auth/register', null, { email: admin, password: PASSWORD });
  assert.equal((await fetch(`${ADMIN}?email=${encodeURIComponent(admin)}`, { method: 'POST' })).status, 204);
  const { access_token: token } = await call('POST', '/auth/login', null, { email: admin, password: PASSWORD });
  const [user] = (await call('GET', `/auth/admin/users?email=${encodeURIComponent(address)}`, token)).items;
  await call('PUT', `/auth/admin/users/${user.id}/roles/coach`, token);
}

async function verify(address) {
  const { ctx, p } = await newPage(browser);
  await p.goto((await awaitMail(address, /verify|confirm/i)).link);
  await heading(p, 'Email verified');
  await ctx.close();
}

async function makePlan(page, name) {
  await page.getByRole('link', { name: 'Plans' }).click();
  await heading(page, 'Plans');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Start').fill(day(-7));
  await page.getByLabel('End', { exact: true }).fill(day(60));
  await page.getByRole('button', { name: 'Create plan' }).click();
  await heading(page, name);
  return page.url().split('/').pop();
}

// The days after today may be in next month's grid: the calendar turns to the month that shows it.
async function reveal(page, date) {
  await page.locator('ol.calendar').waitFor();
  if (await page.locator(`li[data-date="${date}"]`).count() === 0) {
    await page.getByRole('button', { name: 'Next month' }).click();
    await page.locator(`li[data-date="${date}"]`).waitFor();
  }
}

function shareCard() {
  return athlete.locator('li.share', { hasText: cora.email });
}

test('an athlete with a plan and a verified email', async () => {
  await register(athlete, ann.email, 'Ann');
  await verify(ann.email);
  ann.planId = await makePlan(athlete, ann.plan);
  await reveal(athlete, day(1));
  await athlete.locator(`li[data-date="${day(1)}"] button.add`).click();
  const dialog = athlete.getByRole('dialog');
  await dialog.getByLabel('Name').fill(ann.workout);
  await dialog.getByLabel('Distance (km)').fill('10');
  await dialog.getByRole('button', { name: 'Add workout' }).click();
  await athlete.locator('button.workout', { hasText: ann.workout }).waitFor();
});

test('the athlete invites a coach to read their training, Strava runs kept to themselves', async () => {
  await athlete.getByRole('link', { name: 'Coaches' }).click();
  await heading(athlete, 'Your coaches');
  await athlete.getByText('No coach yet').waitFor();
  await axe(athlete, 'coaches');
  const invite = athlete.locator('form', { has: athlete.getByRole('button', { name: 'Send invitation' }) });
  await invite.getByLabel('Coach’s email').fill(cora.email);
  await invite.getByLabel('Access').selectOption('read');
  assert.equal(await invite.getByLabel(/Strava/).isChecked(), false);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await shareCard().getByText('Invited').waitFor();
  assert.equal(await shareCard().getByLabel('Access').inputValue(), 'read');
  await shot(athlete, 'coaches');
});

test('the mailed link opens the invitations after a login, and says a non-coach cannot accept', async () => {
  await register(coach, cora.email, 'Cora');
  await verify(cora.email);
  const mail = await awaitMail(cora.email, /invitation to coach/i);
  assert.equal(mail.link, `${BASE}/coaching/invitations`);
  await coach.getByRole('button', { name: 'Log out' }).click();
  await heading(coach, 'Log in');
  await coach.goto(mail.link);
  await heading(coach, 'Log in');
  await coach.getByLabel('Email').fill(cora.email);
  await coach.getByLabel('Password').fill(PASSWORD);
  await coach.getByRole('button', { name: 'Log in' }).click();
  await heading(coach, 'Invitations to coach');
  await coach.locator('li.invitation', { hasText: 'Ann' }).getByText('read only').waitFor();
  await coach.getByText('takes an account with the coach role').waitFor();
  assert.equal(await coach.getByRole('button', { name: /Accept/ }).count(), 0);
  assert.equal(await coach.getByRole('link', { name: 'Athletes', exact: true }).isVisible(), false);
  await axe(coach, 'invitations (not a coach)');
});

test('once made a coach, they accept and see the athlete, read only', async () => {
  await makeCoach(cora.email);
  await coach.reload();
  await heading(coach, 'Invitations to coach');
  await axe(coach, 'invitations');
  await shot(coach, 'invitations');
  await coach.getByRole('button', { name: 'Accept the invitation of Ann' }).click();
  await heading(coach, 'Ann’s training');
  await coach.getByRole('region', { name: 'Whose training' }).getByText('read only').waitFor();
  await coach.getByText('Runs Ann imported from Strava are not shown').waitFor();
  await coach.getByRole('link', { name: 'Athletes', exact: true }).click();
  await heading(coach, 'Your athletes');
  await coach.locator('li.athlete', { hasText: 'Ann' }).waitFor();
  await axe(coach, 'athletes');
  await shot(coach, 'athletes');
});

test('on a read share the athlete\'s calendar shows the workouts without a way to change them', async () => {
  await coach.locator('li.athlete', { hasText: 'Ann' }).getByRole('link', { name: 'Open training' }).click();
  await heading(coach, 'Ann’s training');
  await coach.getByRole('link', { name: ann.plan }).click();
  await heading(coach, ann.plan);
  await reveal(coach, day(1));
  await coach.locator('div.workout', { hasText: ann.workout }).waitFor();
  assert.equal(await coach.locator('button.add').count(), 0);
  assert.equal(await coach.locator('button.workout').count(), 0);
  await coach.getByRole('region', { name: 'Whose training' }).getByRole('link', { name: 'Back to your own training' }).waitFor();
  await axe(coach, 'coach calendar (read)');
  await shot(coach, 'coach-calendar');
});

test('once the athlete allows editing, the coach renames a workout and adds one, and the athlete sees both', async () => {
  await athlete.reload();
  await heading(athlete, 'Your coaches');
  await shareCard().getByText('Coaching you').waitFor();
  await shareCard().getByLabel('Access').selectOption('read_write');
  await shareCard().getByRole('button', { name: 'Save changes' }).click();
  await athlete.getByText(`Saved: ${cora.email} can edit your training.`).waitFor({ state: 'attached' });

  await coach.reload();
  await heading(coach, ann.plan);
  await reveal(coach, day(1));
  await coach.locator('button.workout', { hasText: ann.workout }).click();
  const dialog = coach.getByRole('dialog');
  assert.equal(await dialog.getByText('Record the run').count(), 0);
  await dialog.getByLabel('Name').fill('Easy hour, hilly');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await coach.locator('button.workout', { hasText: 'Easy hour, hilly' }).waitFor();
  await coach.locator(`li[data-date="${day(1)}"] button.add`).click();
  await dialog.getByLabel('Name').fill('Strides');
  await dialog.getByRole('button', { name: 'Add workout' }).click();
  await coach.locator('button.workout', { hasText: 'Strides' }).waitFor();

  await athlete.goto(`${BASE}/#/plans/${ann.planId}`);
  await reveal(athlete, day(1));
  await athlete.locator('button.workout', { hasText: 'Easy hour, hilly' }).waitFor();
  await athlete.locator(`li[data-date="${day(1)}"] button.workout`, { hasText: 'Strides' }).waitFor();
});

test('another athlete\'s plans never show to the coach', async () => {
  const other = (await newPage(browser)).p;
  await register(other, ben.email, 'Ben');
  ben.planId = await makePlan(other, ben.plan);
  await coach.goto(`${BASE}/#/athletes`);
  await heading(coach, 'Your athletes');
  const annId = await coach.locator('li.athlete').first().getAttribute('data-athlete-id');
  await coach.goto(`${BASE}/#/athletes/${annId}`);
  await heading(coach, 'Ann’s training');
  assert.ok(!(await coach.content()).includes(ben.planId));
  await coach.goto(`${BASE}/#/athletes/${annId}/plans/${ben.planId}`);
  await heading(coach, 'Something went wrong');
  assert.ok(!(await coach.content()).includes(ben.plan));
  await coach.goto(`${BASE}/#/athletes/${ben.planId}`);
  await heading(coach, 'Not shared with you');
});

test('the coach brands their printed plans, with a preview and a logo', async () => {
  await coach.goto(`${BASE}/#/athletes`);
  await coach.getByRole('link', { name: 'branding' }).click();
  await heading(coach, 'Branding');
  await coach.getByText('No logo yet.').waitFor();
  await coach.getByLabel('Title').fill('Cora coaching');
  await coach.getByLabel('Main colour').fill('#204060');
  await coach.getByLabel('Footer').fill('cora@example.com');
  await coach.locator('.brand-preview').getByText('Cora coaching').waitFor();
  await coach.getByRole('button', { name: 'Save branding' }).click();
  await coach.getByLabel('Logo').setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  });
  await coach.getByRole('button', { name: 'Upload logo' }).click();
  await coach.getByText('Your logo: PNG, 1 × 1 pixels.').waitFor();
  await axe(coach, 'branding');
  await shot(coach, 'branding');
  await coach.reload();
  await heading(coach, 'Branding');
  assert.equal(await coach.getByLabel('Title').inputValue(), 'Cora coaching');
  assert.equal(await coach.getByLabel('Main colour').inputValue(), '#204060');
});

test('the athlete stops sharing, and the coach loses the athlete at once', async () => {
  await athlete.goto(`${BASE}/#/coaching`);
  await heading(athlete, 'Your coaches');
  await shareCard().getByRole('button', { name: `Stop sharing with ${cora.email}` }).click();
  await athlete.getByRole('dialog').getByRole('button', { name: 'Stop sharing' }).click();
  await athlete.getByText('No coach yet').waitFor();
  await athlete.getByText('Ended (1)').waitFor();
  await coach.goto(`${BASE}/#/athletes`);
  await heading(coach, 'Your athletes');
  await coach.getByText('No athlete shares their training with you yet.').waitFor();
});

test('no page logged a script error or a refused resource', () => {
  assert.deepEqual(unexpectedProblems(), []);
});
