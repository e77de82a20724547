import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { countries, htsCodes, ports, productGroups } from '../schema.js';
import { isoCountries } from './countries.js';

interface HtsRow {
  hts10: string;
  hts_display: string;
  hts6: string;
  description: string;
  product_group_id: string;
  product_group: string;
  status: 'current' | 'historical';
}

interface PortRow {
  port_code: string;
  port_name: string;
  state: string;
}

async function readSeed<Row>(file: string): Promise<Row[]> {
  const text = await readFile(new URL(`../../seed/${file}`, import.meta.url), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Row[];
}

/** `excluded.<column>` for every listed column: an upsert that takes the file's values. */
function takeIncoming(columns: string[]) {
  return Object.fromEntries(columns.map((column) => [column, sql.raw(`excluded.${column}`)]));
}

/** Loads countries, ports, product groups and HTS codes; safe to run at every start. */
export async function loadReferenceData(db: Database): Promise<void> {
  const htsRows = await readSeed<HtsRow>('aluminum-hts.csv');
  const portRows = await readSeed<PortRow>('us-ports.csv');
  const groups = new Map(htsRows.map((row) => [Number(row.product_group_id), row.product_group]));

  await db.transaction(async (tx) => {
    await tx
      .insert(countries)
      .values(isoCountries())
      .onConflictDoUpdate({ target: countries.code, set: takeIncoming(['name']) });
    await tx
      .insert(ports)
      .values(portRows.map((row) => ({ code: row.port_code, name: row.port_name, state: row.state || null })))
      .onConflictDoUpdate({ target: ports.code, set: takeIncoming(['name', 'state']) });
    await tx
      .insert(productGroups)
      .values([...groups].map(([id, name]) => ({ id, name, productType: 'ALUMINUM' as const })))
      .onConflictDoUpdate({ target: productGroups.id, set: takeIncoming(['name', 'product_type']) });
    await tx
      .insert(htsCodes)
      .values(
        htsRows.map((row) => ({
          code: row.hts10,
          display: row.hts_display,
          hts6: row.hts6,
          description: row.description,
          productGroupId: Number(row.product_group_id),
          productType: 'ALUMINUM' as const,
          status: row.status,
        })),
      )
      .onConflictDoUpdate({
        target: htsCodes.code,
        set: takeIncoming(['display', 'hts6', 'description', 'product_group_id', 'product_type', 'status']),
      });
  });
}
