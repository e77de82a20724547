import { tables } from '@aim/db';
import { type SQL, and, count, desc, eq, gte, ilike, inArray, lt, lte, ne, or, sql } from 'drizzle-orm';
import { invalidInput } from '../errors.js';
import type { Services } from '../services.js';
import type { LicenseRow } from './license-record.js';

/** DASH-1's filters and REV-1's, in one shape; every part optional. */
export interface LicenseQuery {
  companyId?: string;
  statuses?: readonly LicenseRow['status'][] | null;
  kinds?: readonly LicenseRow['kind'][] | null;
  productType?: LicenseRow['productType'] | null;
  createdFrom?: string | null;
  createdTo?: string | null;
  importFrom?: string | null;
  importTo?: string | null;
  text?: string | null;
  flaggedOnly?: boolean | null;
}

export const MAX_PAGE_SIZE = 100;

// Creation dates are Eastern calendar days (X-3); the instants are compared in that zone.
const createdDay = sql`(${tables.licenses.createdAt} at time zone 'America/New_York')::date`;

/** The WHERE of a license query, shared by the dashboard's pages and its exports. */
export function licenseConditions(query: LicenseQuery): SQL[] {
  const licenses = tables.licenses;
  const where: (SQL | undefined)[] = [
    query.companyId ? eq(licenses.companyId, query.companyId) : undefined,
    query.statuses?.length ? inArray(licenses.status, [...query.statuses]) : undefined,
    query.kinds?.length ? inArray(licenses.kind, [...query.kinds]) : undefined,
    query.productType ? eq(licenses.productType, query.productType) : undefined,
    query.createdFrom ? sql`${createdDay} >= ${query.createdFrom}::date` : undefined,
    query.createdTo ? sql`${createdDay} <= ${query.createdTo}::date` : undefined,
    query.importFrom ? gte(licenses.expectedImportDate, query.importFrom) : undefined,
    query.importTo ? lte(licenses.expectedImportDate, query.importTo) : undefined,
    query.flaggedOnly ? ne(licenses.flags, sql`'[]'::jsonb`) : undefined,
  ];
  const text = query.text?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    where.push(
      or(
        ilike(licenses.number, pattern),
        ilike(licenses.customsEntryNumber, pattern),
        ilike(licenses.importerName, pattern),
        ilike(licenses.exporterName, pattern),
      ),
    );
  }
  return where.filter((condition): condition is SQL => condition !== undefined);
}

/** An opaque cursor: the last row's creation instant and id, the page's sort key. */
function encodeCursor(row: LicenseRow): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [instant, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(instant ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime())) {
    throw invalidInput([{ path: 'after', message: 'This cursor is not one AIM gave: start from the first page.' }]);
  }
  return { createdAt, id };
}

export function checkPageSize(first: number | null | undefined, fallback: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw invalidInput([{ path: 'first', message: `Ask for 1 to ${MAX_PAGE_SIZE} licenses a page.` }]);
  }
  return size;
}

export interface LicensePage {
  rows: LicenseRow[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
}

/** DASH-1, REV-1: newest first, cursor-paged, with the count of all that match. */
export async function listLicenses(
  { db }: Pick<Services, 'db'>,
  query: LicenseQuery,
  page: { first: number; after?: string | null },
): Promise<LicensePage> {
  const where = licenseConditions(query);
  const after = page.after ? decodeCursor(page.after) : undefined;
  const licenses = tables.licenses;
  const pageWhere = after
    ? [
        ...where,
        or(lt(licenses.createdAt, after.createdAt), and(eq(licenses.createdAt, after.createdAt), lt(licenses.id, after.id))) as SQL,
      ]
    : where;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(licenses)
      .where(and(...pageWhere))
      .orderBy(desc(licenses.createdAt), desc(licenses.id))
      .limit(page.first + 1),
    db.select({ n: count() }).from(licenses).where(and(...where)),
  ]);
  const shown = rows.slice(0, page.first);
  return { rows: shown, cursors: shown.map(encodeCursor), hasNextPage: rows.length > page.first, totalCount: total?.n ?? 0 };
}

