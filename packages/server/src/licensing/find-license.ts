import { tables, type Transaction } from '@aim/db';
import { and, eq } from 'drizzle-orm';
import type { UserRow } from '../accounts/sessions.js';
import { AppError, ErrorCode } from '../errors.js';
import type { Services } from '../services.js';
import { normalizeLicenseNumber } from './license-number.js';
import type { LicenseRow } from './license-record.js';

type Reader = Services['db'] | Transaction;

/**
 * a filer reads only their company's licenses; another company's number is answered exactly
 * like a number that does not exist. With `forUpdate`, the row is locked for the caller's change,
 * so two changes of one license apply one after the other and none is lost (LIC-9).
 */
export async function findOwnLicense(
  db: Reader,
  viewer: UserRow,
  number: string,
  options: { forUpdate?: boolean } = {},
): Promise<LicenseRow | undefined> {
  if (!viewer.companyId) return undefined;
  const query = db
    .select()
    .from(tables.licenses)
    .where(and(eq(tables.licenses.number, normalizeLicenseNumber(number)), eq(tables.licenses.companyId, viewer.companyId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** REV-1: analysts read any license. */
export async function findAnyLicense(db: Reader, number: string, options: { forUpdate?: boolean } = {}): Promise<LicenseRow | undefined> {
  const query = db.select().from(tables.licenses).where(eq(tables.licenses.number, normalizeLicenseNumber(number)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export function licenseNotFound(): AppError {
  return new AppError(ErrorCode.NOT_FOUND, 'No license with this number.');
}
