import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

describe('configuration', () => {
  it('#10.1 refuses production without SMTP_URL: the development mailbox would hand out every reset code', () => {
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(/NODE_ENV=production needs SMTP_URL/);
    expect(readConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example:587' }).smtpUrl).toBe('smtp://mail.example:587');
    expect(readConfig({}).smtpUrl).toBeUndefined();
  });

  it('#10.1 the built server exits at once with the reason, no stack trace and no mailbox served', () => {
    const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
    const run = spawnSync(process.execPath, [main], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '0' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\[start\] NODE_ENV=production needs SMTP_URL/);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('#10.6 trusts a number of proxy hops, never every X-Forwarded-For entry', () => {
    expect(readConfig({}).trustedProxies).toBe(0);
    expect(readConfig({ TRUST_PROXY: '1' }).trustedProxies).toBe(1);
    expect(readConfig({ TRUST_PROXY: 'true' }).trustedProxies).toBe(1);
    expect(readConfig({ TRUST_PROXY: '2' }).trustedProxies).toBe(2);
    expect(() => readConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY must be the number of proxies/);
    expect(() => readConfig({ TRUST_PROXY: '-1' })).toThrow(ConfigError);
  });

  it('BULK-3 reads the upload limits, and refuses one that is not a whole number in range', () => {
    expect(readConfig({}).bulkUploads).toEqual({ maxUploadBytes: 20_000_000, maxUncompressedBytes: 100_000_000, maxRows: 20_000, maxConcurrent: 2 });
    expect(readConfig({ AIM_BULK_MAX_ROWS: '50_000', AIM_BULK_MAX_BYTES: '5000000' }).bulkUploads).toMatchObject({ maxRows: 50_000, maxUploadBytes: 5_000_000 });
    expect(() => readConfig({ AIM_BULK_MAX_ROWS: '0' })).toThrow(/AIM_BULK_MAX_ROWS must be a whole number from 1/);
    expect(() => readConfig({ AIM_BULK_MAX_UNCOMPRESSED_BYTES: '1e9x' })).toThrow(ConfigError);
  });

  it('refuses a port that is not one', () => {
    expect(() => readConfig({ PORT: 'http' })).toThrow(/PORT must be a port number/);
  });
});
