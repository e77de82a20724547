import { validateSavedSearchName } from '@aim/domain';
import { tables } from '@aim/db';
import { and, count, desc, eq } from 'drizzle-orm';
import type { UserRow } from '../accounts/sessions.js';
import { AppError, ErrorCode, invalidInput } from '../errors.js';
import type { Services } from '../services.js';
import type { LicenseFilter, SavedLicenseFilter, SavedSearch } from './license.model.js';

const MAX_SAVED_SEARCHES = 50;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type SavedSearchRow = typeof tables.savedSearches.$inferSelect;

function toSavedSearch(row: SavedSearchRow): SavedSearch {
  const filter = row.filter as Partial<SavedLicenseFilter>;
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    filter: {
      statuses: filter.statuses ?? null,
      kinds: filter.kinds ?? null,
      productType: filter.productType ?? null,
      createdFrom: filter.createdFrom ?? null,
      createdTo: filter.createdTo ?? null,
      importFrom: filter.importFrom ?? null,
      importTo: filter.importTo ?? null,
      text: filter.text ?? null,
    },
  };
}

/** DASH-2: a filer's saved searches, newest first. */
export async function listSavedSearches({ db }: Services, viewer: UserRow): Promise<SavedSearch[]> {
  const rows = await db.select().from(tables.savedSearches).where(eq(tables.savedSearches.userId, viewer.id)).orderBy(desc(tables.savedSearches.createdAt));
  return rows.map(toSavedSearch);
}

/** DASH-2: saves the dashboard's filter under a name, to reapply later. */
export async function saveSearch({ db }: Services, viewer: UserRow, name: string, filter: LicenseFilter): Promise<SavedSearch> {
  const errors = validateSavedSearchName(name);
  if (errors.length) throw invalidInput(errors);
  const [held] = await db.select({ n: count() }).from(tables.savedSearches).where(eq(tables.savedSearches.userId, viewer.id));
  if ((held?.n ?? 0) >= MAX_SAVED_SEARCHES) {
    throw invalidInput([{ path: 'name', message: `You can keep ${MAX_SAVED_SEARCHES} saved searches; delete one first.` }]);
  }
  // Only the filter's own fields are kept, as given (null and absent alike dropped).
  const kept = Object.fromEntries(Object.entries({ ...filter }).filter(([, value]) => value !== null && value !== undefined));
  const [row] = await db.insert(tables.savedSearches).values({ userId: viewer.id, name: name.trim(), filter: kept }).returning();
  if (!row) throw new Error('insert returned no saved search');
  return toSavedSearch(row);
}

export async function deleteSavedSearch({ db }: Services, viewer: UserRow, id: string): Promise<void> {
  const deleted = uuidPattern.test(id)
    ? await db
        .delete(tables.savedSearches)
        .where(and(eq(tables.savedSearches.id, id), eq(tables.savedSearches.userId, viewer.id)))
        .returning({ id: tables.savedSearches.id })
    : [];
  if (deleted.length === 0) throw new AppError(ErrorCode.NOT_FOUND, 'No such saved search.');
}
