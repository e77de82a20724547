import { tables, type Database } from '@aim/db';
import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import { type LicenseProductRow, type LicenseVersionRow } from '../licensing/license-record.js';

type CompanyRow = typeof tables.companies.$inferSelect;

/** Loads rows by key in one query per request tick, answering in key order (missing → undefined). */
function byKey<Key extends string | number, Row>(load: (keys: Key[]) => Promise<Row[]>, keyOf: (row: Row) => Key) {
  return new DataLoader<Key, Row | undefined>(async (keys) => {
    const rows = new Map((await load([...keys])).map((row) => [keyOf(row), row]));
    return keys.map((key) => rows.get(key));
  });
}

/** Loads every row of each key, in one query per request tick (a license's products, its versions). */
function allByKey<Key extends string, Row>(load: (keys: Key[]) => Promise<Row[]>, keyOf: (row: Row) => Key) {
  return new DataLoader<Key, Row[]>(async (keys) => {
    const groups = new Map<Key, Row[]>(keys.map((key) => [key, []]));
    for (const row of await load([...keys])) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Per-request loaders, so no resolver queries once per parent row (N+1). */
export function createLoaders(db: Database) {
  return {
    company: byKey<string, CompanyRow>(
      (ids) => db.select().from(tables.companies).where(inArray(tables.companies.id, ids)),
      (row) => row.id,
    ),
    licenseProducts: allByKey<string, LicenseProductRow>(
      (ids) =>
        db
          .select()
          .from(tables.licenseProducts)
          .where(inArray(tables.licenseProducts.licenseId, ids))
          .orderBy(asc(tables.licenseProducts.line)),
      (row) => row.licenseId,
    ),
    licenseHistory: allByKey<string, LicenseVersionRow>(
      (ids) =>
        db
          .select()
          .from(tables.licenseVersions)
          .where(inArray(tables.licenseVersions.licenseId, ids))
          .orderBy(asc(tables.licenseVersions.version)),
      (row) => row.licenseId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
