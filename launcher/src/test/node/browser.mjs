// What every journey through the web app shares: the browser (Debian's Chromium, driven by
// playwright-core), the checks made on each page, and the mail the platform sends. BASE_URL names
// the platform's gateway, MAILBOX_URL the test's view of its SMTP server; with SCREENSHOTS set, the
// main pages are saved there as PNGs, at a phone's width and a desktop's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = process.env.BASE_URL;
export const PASSWORD = 'a long secret phrase';
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 860 };
const SHOTS = process.env.SCREENSHOTS;
const MAILBOX = process.env.MAILBOX_URL;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Any script error or refused resource (a CSP violation) a page logged: each is a defect of the app. */
export const problems = [];

export function iso(date) {
  return date.toISOString().slice(0, 10);
}

// The platform's default time zone is UTC: "today" is the UTC day.
export const today = iso(new Date());
export const day = (n) => iso(new Date(Date.now() + n * 86_400_000));
// Next week's Monday (the platform's default week): its first days are in one week view, whatever today is.
export const nextWeek = (n) => day(7 - ((new Date().getUTCDay() + 6) % 7) + n);

/** A unique address for a user of one journey. */
export const email = (name) => `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

export async function launch() {
  // Headless, and a fresh profile that Playwright makes and removes; the flags this machine needs.
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser, viewport = DESKTOP) {
  const ctx = await browser.newContext({ viewport, acceptDownloads: true });
  const p = await ctx.newPage();
  p.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  p.on('pageerror', (error) => problems.push(error.message));
  return { ctx, p };
}

/** The problems logged, but for the 401s and 404s a journey provokes on purpose. */
export function unexpectedProblems() {
  return problems.filter((text) => !/Failed to load resource: the server responded with a status of 40[14]/.test(text));
}

export async function heading(p, text) {
  await p.getByRole('heading', { level: 1, name: text }).waitFor();
}

export async function axe(p, name) {
  // Evaluated through the DevTools protocol: the app's CSP (rightly) refuses an inline script tag.
  await p.evaluate(AXE);
  const result = await p.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
}

export async function shot(p, name) {
  if (!SHOTS) return;
  for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await p.setViewportSize(viewport);
    await p.waitForTimeout(150);
    await p.screenshot({ path: join(SHOTS, `webapp-${name}-${size}.png`), fullPage: size === 'phone' });
  }
  await p.setViewportSize(DESKTOP);
}

export async function register(p, address, name = 'Ann') {
  await p.goto(`${BASE}/#/register`);
  await heading(p, 'Create your account');
  await p.getByLabel('Name').fill(name);
  await p.getByLabel('Email').fill(address);
  await p.getByLabel('Password').fill(PASSWORD);
  await p.getByRole('button', { name: 'Create account' }).click();
  await heading(p, 'This week');
}

/**
 * Waits (up to 15 s: mail goes out after the platform has answered) for a mail to the address
 * whose subject matches, and answers it as {subject, text, link}: the first link in its text.
 */
export async function awaitMail(address, subject = /./) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mails = await (await fetch(`${MAILBOX}?to=${encodeURIComponent(address)}`)).json();
    const mail = mails.reverse().find((m) => subject.test(m.subject));
    if (mail) return { ...mail, link: mail.text.match(/https?:\/\/\S+/)?.[0] };
    if (Date.now() > deadline) {
      throw new Error(`no mail to ${address} about ${subject} in 15 s; it has: ${mails.map((m) => m.subject).join(' | ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
