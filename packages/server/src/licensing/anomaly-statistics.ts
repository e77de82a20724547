import {
  type Flag,
  type ObservedStatistics,
  type ProductToCheck,
  type StandardLicense,
  type StatisticsByScope,
  checkProduct,
  observationOf,
  statisticsScopes,
} from '@aim/domain';
import { type Database, type Transaction, tables } from '@aim/db';
import { inArray, sql } from 'drizzle-orm';

/** The products of a license as the anomaly checks see them (LIC-11). */
export function productsToCheck(license: Pick<StandardLicense, 'products'>): ProductToCheck[] {
  return license.products.map((product, index) => ({
    index,
    htsCode: product.htsCode,
    productGroupId: product.productGroupId,
    unitValueUsdPerKg: product.unitValueUsdPerKg,
    volumeKg: product.volumeKg,
  }));
}

type Measure = 'unit_value' | 'volume' | 'origin';

function emptyStatistics(): { unitValue: Record<number, number>; volume: Record<number, number>; origins: Record<string, number> } {
  return { unitValue: {}, volume: {}, origins: {} };
}

type Statistics = ReturnType<typeof emptyStatistics>;

/**
 * LIC-11: each product judged against what the system has seen of its HTS10, HTS6 and product
 * group, read in one query from the histogram counters; a country of origin rare for a code is
 * named once, on the header field.
 */
export async function flagLicense(
  db: Database | Transaction,
  license: Pick<StandardLicense, 'products' | 'countryOfOrigin'>,
): Promise<Flag[]> {
  const [flags = []] = await flagLicenses(db, [license]);
  return flags;
}

/**
 * LIC-11 for many licenses at once (a bulk upload, BULK-2): one read of the counters for all of
 * them, each judged against what was seen before any of them.
 */
export async function flagLicenses(
  db: Database | Transaction,
  licenses: ReadonlyArray<Pick<StandardLicense, 'products' | 'countryOfOrigin'>>,
): Promise<Flag[][]> {
  const keys = new Set<string>();
  for (const license of licenses) {
    for (const product of productsToCheck(license)) {
      const scope = statisticsScopes(product);
      keys.add(scope.hts10).add(scope.hts6).add(scope.productGroup);
    }
  }
  const rows = keys.size ? await db.select().from(tables.productStatistics).where(inArray(tables.productStatistics.scope, [...keys])) : [];
  const byScope = new Map<string, Statistics>();
  for (const row of rows) {
    const statistics = byScope.get(row.scope) ?? emptyStatistics();
    byScope.set(row.scope, statistics);
    if (row.measure === 'origin') statistics.origins[row.bucket] = row.count;
    else (row.measure === 'unit_value' ? statistics.unitValue : statistics.volume)[Number(row.bucket)] = row.count;
  }
  return licenses.map((license) => flagsOf(license, byScope));
}

function flagsOf(license: Pick<StandardLicense, 'products' | 'countryOfOrigin'>, byScope: ReadonlyMap<string, Statistics>): Flag[] {
  const flags = new Map<string, Flag>();
  for (const product of productsToCheck(license)) {
    const scope = statisticsScopes(product);
    const statistics: StatisticsByScope = {
      ...optional('hts10', byScope.get(scope.hts10)),
      ...optional('hts6', byScope.get(scope.hts6)),
      ...optional('productGroup', byScope.get(scope.productGroup)),
    };
    for (const flag of checkProduct(product, license.countryOfOrigin, statistics)) {
      if (!flags.has(flag.path)) flags.set(flag.path, flag);
    }
  }
  return [...flags.values()];
}

function optional<Key extends keyof StatisticsByScope>(key: Key, statistics: ObservedStatistics | undefined) {
  return statistics ? ({ [key]: statistics } as Pick<StatisticsByScope, Key>) : {};
}

type Observed = Pick<StandardLicense, 'products' | 'countryOfOrigin'>;

/**
 * Counts licenses' products into the statistics (`sign` 1), or takes them out (-1) when a
 * correction replaces them or a cancellation withdraws them, so the statistics describe the
 * licenses that stand. One upsert for every counter a change touches, its rows in key order, so
 * that two changes counting the same counters wait for each other instead of deadlocking.
 */
export async function recordObservations(tx: Transaction, changes: ReadonlyArray<{ license: Observed; sign: 1 | -1 }>): Promise<void> {
  const counts = new Map<string, { scope: string; measure: Measure; bucket: string; count: number }>();
  const add = (scope: string, measure: Measure, bucket: string, sign: 1 | -1) => {
    const key = `${scope}\u0001${measure}\u0001${bucket}`;
    const counter = counts.get(key) ?? { scope, measure, bucket, count: 0 };
    counter.count += sign;
    counts.set(key, counter);
  };
  for (const { license, sign } of changes) {
    for (const product of productsToCheck(license)) {
      const observation = observationOf(product, license.countryOfOrigin);
      const scopes = statisticsScopes(product);
      for (const scope of [scopes.hts10, scopes.hts6, scopes.productGroup]) {
        add(scope, 'unit_value', String(observation.unitValueBucket), sign);
        add(scope, 'volume', String(observation.volumeBucket), sign);
      }
      add(scopes.hts10, 'origin', observation.origin, sign);
    }
  }
  const rows = [...counts.entries()]
    .filter(([, counter]) => counter.count !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, counter]) => counter);
  if (rows.length === 0) return;
  // Four array parameters instead of four per counter: one statement shape whatever the number
  // of products, so PostgreSQL plans it once per connection and drizzle builds it in microseconds.
  const column = <Key extends keyof (typeof rows)[number]>(key: Key) => sql.param(rows.map((row) => row[key]));
  await tx.execute(sql`
    insert into ${tables.productStatistics} (scope, measure, bucket, count)
    select * from unnest(${column('scope')}::text[], ${column('measure')}::text[], ${column('bucket')}::text[], ${column('count')}::integer[])
    on conflict (scope, measure, bucket) do update set count = greatest(${tables.productStatistics.count} + excluded.count, 0)`);
}
