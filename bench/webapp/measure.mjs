// The web app's first page with a cold cache, and its JavaScript, in Debian's Chromium.
//
//   cd bench/webapp && npm install && node measure.mjs [BASE_URL] [RUNS]
//
// BASE_URL is a running platform's gateway (default http://localhost:8000); RUNS per figure
// (default 10). It registers one user. For each run, a new browser context (an empty cache):
//   - login: from navigation to the login form usable (drawn by the app's script);
//   - home: a signed-in reload with the cache cleared, from navigation to the week drawn (the
//     session refreshed from its cookie, the settings, workouts and runs fetched);
// and, once every screen has been opened, the JavaScript the app loaded: bytes on the wire
// (compressed) and as scripts. Prints the medians and the spread.
import { chromium } from 'playwright-core';

const BASE = process.argv[2] || 'http://localhost:8000';
const RUNS = Number(process.argv[3] || 10);
const PASSWORD = 'a long secret phrase';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const email = `bench-${Date.now()}@example.com`;
const registered = await fetch(`${BASE}/api/v1/auth/register`, {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }),
});
if (registered.status !== 202) throw new Error(`cannot register: ${registered.status} ${await registered.text()}`);

// The moment a selector is first drawn, in milliseconds from the navigation's start, taken in the
// page by a MutationObserver set before any script of the page runs (not by polling from outside,
// which a busy machine delays).
function watch(context, selector) {
  return context.addInitScript((wanted) => {
    new MutationObserver((changes, observer) => {
      if (document.querySelector(wanted)) {
        window.drawnAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
}

async function until(page, selector) {
  await page.waitForSelector(selector);
  return page.evaluate(() => window.drawnAt);
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: Math.round(sorted[Math.floor(sorted.length / 2)]), min: Math.round(sorted[0]),
    max: Math.round(sorted[sorted.length - 1]) };
}

const login = [];
const home = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  await watch(context, 'main form button.primary, section.next');
  const page = await context.newPage();
  await page.goto(BASE, { waitUntil: 'commit' });
  login.push(await until(page, 'main form button.primary'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForSelector('h1:text("This week")');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await page.reload({ waitUntil: 'commit' });
  home.push(await until(page, 'section.next'));
  await context.close();
}

const context = await browser.newContext();
const page = await context.newPage();
await page.goto(BASE);
await page.waitForSelector('h1:text("Log in")');
const firstPage = await page.evaluate(() => performance.getEntriesByType('resource')
  .filter((r) => r.name.endsWith('.js')).reduce((sum, r) => sum + r.encodedBodySize, 0));
await page.getByLabel('Email').fill(email);
await page.getByLabel('Password').fill(PASSWORD);
await page.getByRole('button', { name: 'Log in' }).click();
await page.waitForSelector('h1:text("This week")');
const loaded = new Map();
const collect = async () => (await page.evaluate(() => performance.getEntriesByType('resource')
  .filter((r) => r.name.endsWith('.js')).map((r) => [r.name, r.encodedBodySize, r.decodedBodySize])))
  .forEach(([name, encoded, decoded]) => loaded.set(name, { encoded, decoded }));
// Every screen a runner reaches from the nav, and those a coach does (their modules load all the same).
for (const screen of ['plans', 'plans/generate', 'runs', 'print', 'strava', 'settings', 'account', 'coaching',
  'athletes', 'invitations', 'branding']) {
  await page.goto(`${BASE}/#/${screen}`);
  await page.waitForSelector('main h1');
}
await collect();
// A plan's pages (calendar, edit, progress), on a plan made from the plans page.
await page.goto(`${BASE}/#/plans`);
await page.getByLabel('Name').fill('Bench plan');
await page.getByLabel('Start').fill(new Date().toISOString().slice(0, 10));
await page.getByLabel('End', { exact: true }).fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
await page.getByRole('button', { name: 'Create plan' }).click();
await page.waitForSelector('main h1:text("Bench plan")');
const plan = page.url().split('/').pop();
for (const screen of [`plans/${plan}/edit`, `plans/${plan}/progress`]) {
  await page.goto(`${BASE}/#/${screen}`);
  await page.waitForSelector('main h1');
}
await collect();
for (const path of ['/verify-email', '/reset-password']) {
  await page.goto(`${BASE}${path}`);
  await page.waitForSelector('main h1');
}
await collect();
const total = (key) => [...loaded.values()].reduce((sum, file) => sum + file[key], 0);
await browser.close();

console.log(JSON.stringify({
  base: BASE,
  runs: RUNS,
  login_form_usable_ms: summary(login),
  signed_in_week_drawn_ms: summary(home),
  js_first_page_compressed_bytes: firstPage,
  js_all_screens_files: loaded.size,
  js_all_screens_compressed_bytes: total('encoded'),
  js_all_screens_uncompressed_bytes: total('decoded'),
}, null, 2));
