import { tables, type Database } from '@aim/db';
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';

type ProductGroupRow = typeof tables.productGroups.$inferSelect;
type CompanyRow = typeof tables.companies.$inferSelect;
type CountryRow = typeof tables.countries.$inferSelect;

/** Loads rows by key in one query per request tick, answering in key order (missing → undefined). */
function byKey<Key extends string | number, Row>(load: (keys: Key[]) => Promise<Row[]>, keyOf: (row: Row) => Key) {
  return new DataLoader<Key, Row | undefined>(async (keys) => {
    const rows = new Map((await load([...keys])).map((row) => [keyOf(row), row]));
    return keys.map((key) => rows.get(key));
  });
}

/** Per-request loaders, so no resolver queries once per parent row (N+1). */
export function createLoaders(db: Database) {
  return {
    productGroup: byKey<number, ProductGroupRow>(
      (ids) => db.select().from(tables.productGroups).where(inArray(tables.productGroups.id, ids)),
      (row) => row.id,
    ),
    company: byKey<string, CompanyRow>(
      (ids) => db.select().from(tables.companies).where(inArray(tables.companies.id, ids)),
      (row) => row.id,
    ),
    country: byKey<string, CountryRow>(
      (codes) => db.select().from(tables.countries).where(inArray(tables.countries.code, codes)),
      (row) => row.code,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
