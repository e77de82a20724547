// The licensing app as a filer meets it (#6), in headless Chromium against the built server on a
// fresh PGlite folder with the demo data:
//   1. the JavaScript each route loads on a fresh visit, gzipped (goal: the form route under 150 KB);
//   2. the time from the click on "Submit the application" to the license number on screen (goal
//      under 300 ms on PGlite), over BENCH_SUBMITS submits (default 20).
// Run after `pnpm build`:  pnpm bench:licensing   (CHROMIUM_PATH if chromium is not /usr/bin/chromium)
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { freePort, serverMain } from './server.mjs';

const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 20);
const FILER = { email: 'filer@demo.aim.test', password: 'Demo-filer-2026' };

async function startServer(dataDir) {
  const port = await freePort();
  const child = spawn(process.execPath, [serverMain], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: '', NODE_ENV: 'test', AIM_DEMO_DATA: '1' },
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(`${origin}/healthz`).then((response) => response.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { origin, stop: () => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM')) };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Every script a fresh page load of `path` fetches, with its size raw and gzipped. */
async function scriptsOf(browser, storageState, origin, path) {
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  const scripts = new Map();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => undefined);
    if (body) scripts.set(response.url(), body);
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  await context.close();
  const bodies = [...scripts.values()];
  return {
    route: path,
    scripts: bodies.length,
    raw: kb(bodies.reduce((sum, body) => sum + body.length, 0)),
    gzipped: kb(bodies.reduce((sum, body) => sum + gzipSync(body).length, 0)),
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const dataDir = await mkdtemp(join(tmpdir(), 'aim-bench-app-'));
const server = await startServer(dataDir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const signIn = await browser.newContext();
  const page = await signIn.newPage();
  await page.goto(`${server.origin}/licensing/sign-in`);
  await page.getByLabel('Email').fill(FILER.email);
  await page.getByLabel('Password', { exact: true }).fill(FILER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/licensing\/licenses$/);
  const storageState = await signIn.storageState();

  const { number } = await page.evaluate(async () => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ licenses(first: 1, filter: { kinds: [STANDARD] }) { edges { node { number } } } }' }),
    });
    return { number: (await response.json()).data.licenses.edges[0].node.number };
  });
  const routes = ['/licensing/', '/licensing/sign-in', '/licensing/licenses', '/licensing/licenses/new', `/licensing/licenses/${number}`];
  const sizes = [];
  for (const route of routes) sizes.push(await scriptsOf(browser, storageState, server.origin, route));
  console.log('JavaScript a fresh visit loads, per route (goal: /licensing/licenses/new under 150 KB gzipped):');
  console.table(sizes);

  // Submits of a duplicate of a demo license: the form is filled, previewed and certified; the clock
  // runs from the click on Submit to the number on screen.
  const times = [];
  const eastern = (days) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date(Date.now() + days * 86_400_000));
  for (let run = 0; run < SUBMITS; run++) {
    await page.goto(`${server.origin}/licensing/licenses/new?from=${number}`);
    // The demo license's dates may have passed: new ones, so the rules accept the copy.
    await page.getByLabel('Expected date of export').fill(eastern(5));
    await page.getByLabel('Expected date of import').fill(eastern(10));
    await page.getByRole('button', { name: 'Preview the license' }).click();
    await page.getByText('I certify that the information').click();
    // Timed in the page: from the click event to the number in the DOM, without the driver's polling.
    await page.evaluate(() => {
      const clock = (window.benchClock = {});
      document.addEventListener('click', (event) => {
        if (event.target instanceof Element && event.target.closest('button')?.textContent?.includes('Submit the application')) clock.start = performance.now();
      }, { capture: true });
      new MutationObserver((_records, observer) => {
        if (!document.querySelector('[data-test=issued-number]')) return;
        clock.end = performance.now();
        observer.disconnect();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Submit the application' }).click();
    await page.locator('[data-test=issued-number]').waitFor();
    times.push(await page.evaluate(() => window.benchClock.end - window.benchClock.start));
  }
  times.sort((a, b) => a - b);
  console.log(`Submit click to license number on screen, PGlite, ${SUBMITS} submits (goal under 300 ms):`);
  console.table([{ p50: `${percentile(times, 50).toFixed(0)} ms`, p95: `${percentile(times, 95).toFixed(0)} ms`, max: `${times.at(-1).toFixed(0)} ms` }]);
} finally {
  await browser.close();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
