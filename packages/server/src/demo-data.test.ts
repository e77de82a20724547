import { tables } from '@aim/db';
import { testEngines } from '@aim/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, loadDemoData } from './demo-data.js';
import { type TestServer, startTestServer } from './testing/test-server.js';

describe.each(testEngines().slice(0, 1))('the demo data on %s', (engine) => {
  let aim: TestServer;
  beforeAll(async () => {
    aim = await startTestServer(engine);
  });
  afterAll(() => aim?.close());

  it('#5 item 11 gives the demo filer a dozen licenses in every status, once', async () => {
    await loadDemoData(aim.services);
    await loadDemoData(aim.services);
    const [filer] = await aim.db.select().from(tables.users).where(eq(tables.users.email, DEMO_ACCOUNTS.filer.email));
    const licenses = await aim.db.select().from(tables.licenses).where(eq(tables.licenses.createdBy, filer?.id ?? ''));
    expect(licenses.length).toBeGreaterThanOrEqual(11);
    expect(new Set(licenses.map((license) => license.status))).toEqual(new Set(['SUBMITTED', 'CORRECTED', 'ACTION_REQUIRED', 'CANCELLED']));
    expect(licenses.filter((license) => license.kind === 'LOW_VALUE')).toHaveLength(1);
    expect(licenses.some((license) => license.flags.some((flag) => flag.path === 'products.0.customsValueUsd'))).toBe(true);
  }, 60_000);
});
