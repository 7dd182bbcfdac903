// Signing in and the account, in Debian's Chromium against a running platform (see browser.mjs):
// a forgotten password reset by mail, the account's verification link sent again, its sessions
// listed and ended from another browser, its password changed, and its email changed by a link
// mailed to the new address.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PASSWORD, awaitMail, axe, email, heading, launch, newPage, problems, register, shot, unexpectedProblems,
} from './browser.mjs';

const RESET_PASSWORD = 'a reset passphrase for bea';
const CHANGED_PASSWORD = 'a changed passphrase for bea';
const bea = email('bea');
const beaNew = email('bea-new');
let browser;
let page;
let resetLink;

before(async () => {
  browser = await launch();
  ({ p: page } = await newPage(browser));
});

after(async () => {
  await browser?.close();
});

async function logIn(p, password) {
  await p.goto(`${BASE}/#/login`);
  await heading(p, 'Log in');
  await p.getByLabel('Email').fill(bea);
  await p.getByLabel('Password').fill(password);
  await p.getByRole('button', { name: 'Log in' }).click();
}

/** Runs a step that provokes a 400 on purpose, which the browser logs: not a defect of the app. */
async function refusing(step) {
  const before = problems.length;
  await step();
  const logged = problems.splice(before);
  problems.push(...logged.filter((text) => !/status of 400/.test(text)));
}

test('the login page offers sign-in with Strava, which the platform has configured, and not with Google', async () => {
  await page.goto(`${BASE}/#/login`);
  await heading(page, 'Log in');
  await page.getByRole('link', { name: 'Log in with Strava' }).waitFor();
  assert.equal(await page.getByRole('link', { name: /google/i }).count(), 0);
  assert.equal(await page.getByRole('button', { name: /google/i }).count(), 0);
});

test('signing in with Strava goes through Strava and opens a session in the app', async () => {
  const { ctx, p } = await newPage(browser);
  await p.goto(`${BASE}/#/login`);
  await p.getByRole('link', { name: 'Log in with Strava' }).click();
  await heading(p, 'This week');
  await p.reload();
  await heading(p, 'This week');
  await ctx.close();
});

test('an unverified account is sent a new verification link from the account page', async () => {
  await register(page, bea, 'Bea');
  await awaitMail(bea, /confirm/i);
  await page.getByRole('link', { name: 'Account' }).click();
  await heading(page, 'Account');
  await page.getByText('Not verified yet').waitFor();
  await page.getByRole('button', { name: 'Send a new verification link' }).click();
  await page.getByText(`A new link is on its way to ${bea}.`).waitFor();
  const deadline = Date.now() + 15_000;
  while ((await confirmations()).length < 2) {
    assert.ok(Date.now() < deadline, 'no second verification mail in 15 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

async function confirmations() {
  const mails = await (await fetch(`${process.env.MAILBOX_URL}?to=${encodeURIComponent(bea)}`)).json();
  return mails.filter((mail) => /confirm/i.test(mail.subject));
}

test('a forgotten password is asked for from the login page, and the answer names no account', async () => {
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await heading(page, 'Log in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await heading(page, 'Forgot your password?');
  await axe(page, 'forgot');
  await page.getByLabel('Email').fill(bea);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await heading(page, 'Check your mail');
  assert.match(await page.getByRole('status').first().innerText(), /If .* has an account/);
});

test('the mailed link opens a page that sets the new password', async () => {
  const mail = await awaitMail(bea, /reset/i);
  resetLink = mail.link;
  assert.ok(resetLink.startsWith(`${BASE}/reset-password?token=`), resetLink);
  await page.goto(resetLink);
  await heading(page, 'Choose a new password');
  await axe(page, 'reset');
  await shot(page, 'reset-password');
  await page.getByLabel('New password').fill(RESET_PASSWORD);
  await page.getByRole('button', { name: 'Set password' }).click();
  await heading(page, 'Password changed');
});

test('after the reset the old password is refused and the new one logs in', async () => {
  await logIn(page, PASSWORD);
  await page.getByRole('alert').waitFor();
  await logIn(page, RESET_PASSWORD);
  await heading(page, 'This week');
});

test('a reset link used already says so, and leads to asking for a new one', () => refusing(async () => {
  const { ctx, p } = await newPage(browser);
  await p.goto(resetLink);
  await p.getByLabel('New password').fill('yet another passphrase');
  await p.getByRole('button', { name: 'Set password' }).click();
  await heading(p, 'This link no longer works');
  await p.getByRole('link', { name: 'Ask for a new link' }).click();
  await heading(p, 'Forgot your password?');
  await ctx.close();
}));

test('the account lists this session and sends a new verification link', async () => {
  await page.getByRole('link', { name: 'Account' }).click();
  await heading(page, 'Account');
  // The reset link proved the mailbox: the email is verified now.
  await page.getByText('Verified.').waitFor();
  await page.locator('.session.current').getByText('this device').waitFor();
  await axe(page, 'account');
});

test('a session ended here signs the other browser out at its next request', async () => {
  const { ctx, p: other } = await newPage(browser);
  await logIn(other, RESET_PASSWORD);
  await heading(other, 'This week');
  await page.reload();
  await heading(page, 'Account');
  const others = page.locator('.session:not(.current)');
  await others.first().waitFor();
  assert.equal(await others.count(), 1);
  await shot(page, 'account');
  await others.getByRole('button', { name: /^End session/ }).click();
  await others.waitFor({ state: 'detached' });
  await other.reload();
  await heading(other, 'Log in');
  await ctx.close();
});

test('a wrong current password is refused, and the right one changes it and ends the other sessions', async () => {
  const { ctx, p: other } = await newPage(browser);
  await logIn(other, RESET_PASSWORD);
  await heading(other, 'This week');
  await page.reload();
  await heading(page, 'Account');
  await page.getByLabel('Current password').fill('not my password at all');
  await page.getByLabel('New password').fill(CHANGED_PASSWORD);
  await refusing(async () => {
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').waitFor();
  });
  assert.match(await page.getByRole('alert').innerText(), /current_password/);
  await page.getByLabel('Current password').fill(RESET_PASSWORD);
  await page.getByLabel('New password').fill(CHANGED_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Password changed.').waitFor();
  // The list is reloaded after the message shows.
  await page.locator('.session:not(.current)').first().waitFor({ state: 'detached' });
  await other.reload();
  await heading(other, 'Log in');
  await ctx.close();
  // This session stays open.
  await page.reload();
  await heading(page, 'Account');
});

test('the changed password logs in and the one before is refused', async () => {
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  // The logout done before the login page is opened again: a screen rendered in between would replace it.
  await heading(page, 'Log in');
  await logIn(page, RESET_PASSWORD);
  await page.getByRole('alert').waitFor();
  await logIn(page, CHANGED_PASSWORD);
  await heading(page, 'This week');
});

test('ending every session from the account logs out here too', async () => {
  await page.getByRole('link', { name: 'Account' }).click();
  await heading(page, 'Account');
  await page.getByRole('button', { name: 'End every session' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'End every session' }).click();
  await heading(page, 'Log in');
  await page.reload();
  await heading(page, 'Log in');
});

test('a change of email is asked from the account, and the old address is told', async () => {
  await logIn(page, CHANGED_PASSWORD);
  await heading(page, 'This week');
  await page.getByRole('link', { name: 'Account' }).click();
  await heading(page, 'Account');
  await page.getByText('Change email').click();
  await page.getByLabel('New email address').fill(beaNew);
  await page.getByLabel('Your password').fill(CHANGED_PASSWORD);
  await axe(page, 'account-email');
  await page.getByRole('button', { name: 'Send a confirmation link' }).click();
  await page.getByText(`A link is on its way to ${beaNew}`).waitFor();
  await shot(page, 'account-email');
  // Nothing changes until the link is opened.
  await page.reload();
  await heading(page, 'Account');
  await page.getByText(bea, { exact: true }).waitFor();
  const notice = await awaitMail(bea, /change of your/i);
  assert.ok(notice.text.includes(beaNew), notice.text);
});

test('the link mailed to the new address changes the email, which the account then shows', async () => {
  const mail = await awaitMail(beaNew, /new email/i);
  assert.ok(mail.link.startsWith(`${BASE}/confirm-email?token=`), mail.link);
  await page.goto(mail.link);
  await heading(page, 'Email changed');
  await axe(page, 'confirm-email');
  await shot(page, 'confirm-email');
  await page.getByRole('link', { name: 'Go to the app' }).click();
  await heading(page, 'Account');
  await page.getByText(beaNew, { exact: true }).waitFor();
  await page.getByText('Verified.').waitFor();
});

test('the new email logs in', async () => {
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await heading(page, 'Log in');
  await page.getByLabel('Email').fill(beaNew);
  await page.getByLabel('Password').fill(CHANGED_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await heading(page, 'This week');
});

test('two tabs opened at once both stay signed in, as does the session', async () => {
  const second = await page.context().newPage();
  await second.goto(`${BASE}/#/`);
  await heading(second, 'This week');
  // The app's own module (the one its pages use), each tab exchanging the cookie at the same moment.
  const refreshBoth = () => Promise.all([page, second].map((p) => p.evaluate(async () => {
    const api = await import(document.querySelector('script[type=module]').src.replace(/main\.js$/, 'api.js'));
    return api.refresh();
  })));

  assert.deepEqual(await refreshBoth(), [true, true]);
  assert.deepEqual(await refreshBoth(), [true, true]);

  await second.close();
  await page.reload();
  await heading(page, 'This week');
});

test('the email-change link used already says so and leads to the account', () => refusing(async () => {
  const mail = await awaitMail(beaNew, /new email/i);
  await page.goto(mail.link);
  await heading(page, 'Email not changed');
  await page.getByText('This link no longer works').waitFor();
  await page.getByRole('link', { name: 'Go to your account' }).click();
  await heading(page, 'Account');
}));

test('no page logged a script error or a refused resource', () => {
  assert.deepEqual(unexpectedProblems(), []);
});
