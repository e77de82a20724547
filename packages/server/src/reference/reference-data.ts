import { type Database, tables } from '@aim/db';
import { asc } from 'drizzle-orm';

export type CountryRow = typeof tables.countries.$inferSelect;
export type PortRow = typeof tables.ports.$inferSelect;
export type ProductGroupRow = typeof tables.productGroups.$inferSelect;
export type HtsRow = typeof tables.htsCodes.$inferSelect;

/** The reference data, sorted as the API lists them, with lookups by code. */
export interface ReferenceData {
  countries: readonly CountryRow[];
  countryByCode: ReadonlyMap<string, CountryRow>;
  ports: readonly PortRow[];
  portByCode: ReadonlyMap<string, PortRow>;
  productGroups: readonly ProductGroupRow[];
  productGroupById: ReadonlyMap<number, ProductGroupRow>;
  htsCodes: readonly HtsRow[];
  htsByCode: ReadonlyMap<string, HtsRow>;
}

const loaded = new WeakMap<Database, Promise<ReferenceData>>();

/**
 * Reference data change only at start (`loadReferenceData` runs before the server listens), so
 * each process reads them once and answers from memory: the form and the monitor ask for them on
 * every page, and a query per request cost ten times the work of the answer.
 */
export function referenceData(db: Database): Promise<ReferenceData> {
  let data = loaded.get(db);
  if (!data) {
    data = read(db);
    // A failed read is not kept: the next request tries again.
    data.catch(() => loaded.delete(db));
    loaded.set(db, data);
  }
  return data;
}

async function read(db: Database): Promise<ReferenceData> {
  const [countries, ports, productGroups, htsCodes] = await Promise.all([
    db.select().from(tables.countries).orderBy(asc(tables.countries.name)),
    db.select().from(tables.ports).orderBy(asc(tables.ports.code)),
    db.select().from(tables.productGroups).orderBy(asc(tables.productGroups.id)),
    db.select().from(tables.htsCodes).orderBy(asc(tables.htsCodes.code)),
  ]);
  return {
    countries,
    countryByCode: new Map(countries.map((country) => [country.code, country])),
    ports,
    portByCode: new Map(ports.map((port) => [port.code, port])),
    productGroups,
    productGroupById: new Map(productGroups.map((group) => [group.id, group])),
    htsCodes,
    htsByCode: new Map(htsCodes.map((hts) => [hts.code, hts])),
  };
}
