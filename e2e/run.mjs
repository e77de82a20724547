// Runs the end-to-end suite in the machine's Chromium (never a downloaded browser). Without one,
// it says so and skips, unless AIM_E2E_REQUIRED is set (CI sets it: there a skip is a failure).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const chromium = candidates.find((path) => path && existsSync(path));
if (!chromium) {
  const message = 'e2e: no Chromium found (install the Debian package `chromium`, or set CHROMIUM_PATH).';
  if (process.env.AIM_E2E_REQUIRED) {
    console.error(`${message} AIM_E2E_REQUIRED is set, so this fails.`);
    process.exit(1);
  }
  console.warn(`${message} Skipping the browser tests.`);
  process.exit(0);
}
const result = spawnSync('playwright', ['test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  shell: false,
});
process.exit(result.status ?? 1);
