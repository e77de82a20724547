import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSmtpSink } from '@aim/server/testing';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

const serverMain = fileURLToPath(new URL('../../packages/server/dist/main.js', import.meta.url));

export const ANALYST = { email: 'analyst@e2e.aim.test', password: 'E2e-analyst-pass-1' };

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * The built AIM server as a user runs it (`node packages/server/dist/main.js`) on a fresh data
 * folder, with email to an SMTP sink or, with `smtp: false`, to the development mailbox.
 */
export async function startAim(options: { smtp: boolean }) {
  const dataDir = await mkdtemp(join(tmpdir(), 'aim-e2e-'));
  const smtp = options.smtp ? await startSmtpSink() : undefined;
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', serverMain], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      // Not production, which refuses to start without SMTP (the development mailbox is for development).
      NODE_ENV: 'test',
      SMTP_URL: smtp?.url ?? '',
      AIM_ANALYST_EMAIL: ANALYST.email,
      AIM_ANALYST_PASSWORD: ANALYST.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`AIM exited with ${child.exitCode}:\n${log}`);
    const healthy = await fetch(`${origin}/healthz`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`AIM did not become healthy in 60 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    origin,
    log: () => log,
    /** The 6-digit code in the newest email to `address`. */
    async latestCode(address: string): Promise<string> {
      if (!smtp) throw new Error('this AIM sends email to its development mailbox, not to an SMTP sink');
      const started = Date.now();
      for (;;) {
        try {
          return smtp.latestCode(address);
        } catch (error) {
          // The outbox worker sends after the answer: the email may still be on its way to the SMTP sink.
          if (Date.now() - started > 10_000) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await smtp?.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Aim = Awaited<ReturnType<typeof startAim>>;

/** Tests get one AIM (email to an SMTP sink) per worker. */
export const test = base.extend<object, { aim: Aim }>({
  aim: [
    async ({}, use) => {
      const aim = await startAim({ smtp: true });
      await use(aim);
      await aim.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** Zero axe-core violations (WCAG 2.x A and AA), and a full-page screenshot kept as an artifact. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const violations = results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations, `axe violations on ${name}`).toEqual([]);
}

/**
 * Issue #6 item 7: nothing on the page is wider than the viewport, so a phone (360 px) never scrolls
 * sideways. On failure the message names the elements that stick out, which is where a fix starts.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, viewport, overhanging } = await page.evaluate(() => {
    const width = window.innerWidth;
    const sticking = Array.from(document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}`);
    return { scrollWidth: document.documentElement.scrollWidth, viewport: width, overhanging: sticking };
  });
  expect(scrollWidth, `${page.url()} is wider than ${viewport} px: ${overhanging.join(', ')}`).toBeLessThanOrEqual(viewport);
}

/** `checkPage` as a 360 px phone shows the page, with no sideways scroll; then back to the viewport it had. */
export async function checkPageAtPhoneWidth(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoSidewaysScroll(page);
  await checkPage(page, name);
  if (before) await page.setViewportSize(before);
}
