import { type DatabaseHandle, tables } from '@aim/db';
import { createTestDatabase, testEngines } from '@aim/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeRateLimit } from './rate-limit.js';

describe.each(testEngines())('ACC-4 fixed-window rate limits on %s', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle?.close());

  it('allows `limit` requests per window, refuses the next, and starts afresh in the next window', async () => {
    let now = new Date('2026-11-26T10:00:00Z');
    const services = { db: handle.db, clock: () => now };
    for (let request = 0; request < 3; request++) await consumeRateLimit(services, 'test:a', 3, 15);
    await expect(consumeRateLimit(services, 'test:a', 3, 15)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await consumeRateLimit(services, 'test:b', 3, 15);

    now = new Date('2026-11-26T10:15:00Z');
    await consumeRateLimit(services, 'test:a', 3, 15);
    const windows = await handle.db.select().from(tables.rateLimitCounters).where(eq(tables.rateLimitCounters.key, 'test:a'));
    // The spent window is gone; only the current one is kept.
    expect(windows).toEqual([{ key: 'test:a', windowStart: now, count: 1 }]);
  });
});
