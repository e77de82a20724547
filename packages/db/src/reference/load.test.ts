import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.js';
import { tables } from '../index.js';
import { createTestDatabase, testEngines } from '../testing.js';
import { loadReferenceData } from './load.js';

describe.each(testEngines())('reference data on %s', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle?.close());

  it('holds the 68 covered aluminum HTS codes in 16 product groups (LIC-2)', async () => {
    const [hts] = await handle.db.select({ n: count() }).from(tables.htsCodes);
    const [groups] = await handle.db.select({ n: count() }).from(tables.productGroups);
    expect(hts?.n).toBe(68);
    expect(groups?.n).toBe(16);
    const [historical] = await handle.db
      .select()
      .from(tables.htsCodes)
      .where(eq(tables.htsCodes.status, 'historical'));
    expect(historical?.code).toBe('7601106030');
  });

  it('holds ISO countries spelled out (LIC-5) and the CBP ports', async () => {
    const [canada] = await handle.db.select().from(tables.countries).where(eq(tables.countries.code, 'CA'));
    expect(canada?.name).toBe('Canada');
    const [us] = await handle.db.select().from(tables.countries).where(eq(tables.countries.code, 'US'));
    expect(us?.name).toBe('United States');
    const [ports] = await handle.db.select({ n: count() }).from(tables.ports);
    expect(ports?.n).toBe(532);
  });

  it('loads again without duplicating anything', async () => {
    await loadReferenceData(handle.db);
    const [hts] = await handle.db.select({ n: count() }).from(tables.htsCodes);
    expect(hts?.n).toBe(68);
  });
});
