import { type FieldError, type StandardLicenseInput, checkCertified, easternDate, importerKey } from '@aim/domain';
import { type Transaction, tables } from '@aim/db';
import { and, eq } from 'drizzle-orm';
import type { UserRow } from '../accounts/sessions.js';
import { invalidInput } from '../errors.js';
import { referenceData } from '../reference/reference-data.js';
import type { Services } from '../services.js';
import { flagLicense, recordObservations } from './anomaly-statistics.js';
import { type Applicant, applicantOf } from './applicant.js';
import { checkedLicense } from './check-license.js';
import { recordLicenseChange } from './license-change.js';
import { newLicenseNumber } from './license-number.js';
import type { LicenseRow } from './license-record.js';
import { licenseColumns, productColumns } from './stored-license.js';

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
// 36^9 numbers: a collision is already rare; five in a row means something else is wrong.
export const NUMBER_ATTEMPTS = 5;

/** LIC-8: an idempotency key is a short text. */
export function checkIdempotencyKey(idempotencyKey: string | null | undefined): FieldError[] {
  if (idempotencyKey !== null && idempotencyKey !== undefined && (idempotencyKey.trim() === '' || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
    return [{ path: 'idempotencyKey', message: `An idempotency key is 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.` }];
  }
  return [];
}

/** LIC-6: the applicant certifies, and an idempotency key is a short text (LIC-8). */
export function checkSubmitArguments(certify: boolean, idempotencyKey: string | null | undefined): FieldError[] {
  return [...checkCertified(certify), ...checkIdempotencyKey(idempotencyKey)];
}

export async function licenseByIdempotencyKey(db: Services['db'] | Transaction, viewer: UserRow, key: string): Promise<LicenseRow | undefined> {
  const [row] = await db
    .select()
    .from(tables.licenses)
    .where(and(eq(tables.licenses.createdBy, viewer.id), eq(tables.licenses.idempotencyKey, key)));
  return row;
}

/**
 * Inserts a new license under a fresh number (LIC-8), drawing again on the rare collision. With an
 * idempotency key, a concurrent submit with the same key waits on the unique index and then finds
 * the first license instead of writing a second: `found` says which happened. `refuseConflict`
 * throws when another unique rule of the kind (one low value license per importer) was hit.
 */
export async function insertLicense(
  tx: Transaction,
  viewer: UserRow,
  values: Omit<typeof tables.licenses.$inferInsert, 'number'>,
  refuseConflict: () => Promise<void> = async () => {},
): Promise<{ row: LicenseRow; found: boolean }> {
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
    const [row] = await tx
      .insert(tables.licenses)
      .values({ ...values, number: newLicenseNumber() })
      .onConflictDoNothing()
      .returning();
    if (row) return { row, found: false };
    const first = values.idempotencyKey ? await licenseByIdempotencyKey(tx, viewer, values.idempotencyKey) : undefined;
    if (first) return { row: first, found: true };
    await refuseConflict();
  }
  throw new Error(`no free license number after ${NUMBER_ATTEMPTS} draws`);
}

/** The columns every new license shares, whatever its kind. */
export function newLicenseValues(applicant: Applicant, viewer: UserRow, idempotencyKey: string | null | undefined) {
  return {
    companyId: applicant.companyId,
    createdBy: viewer.id,
    applicant: applicant.applicant,
    contactName: applicant.contactName,
    contactEmail: applicant.contactEmail,
    version: 1,
    idempotencyKey: idempotencyKey ?? null,
  };
}

/**
 * LIC-1..8, LIC-11, LIC-13: checks the application with the domain rules, judges its products
 * against what the system has seen, and stores it with its number, its first version, its
 * statistics and its email, all in one transaction. A repeated idempotency key returns the first.
 */
export async function submitLicense(
  services: Services,
  viewer: UserRow,
  input: StandardLicenseInput,
  certify: boolean,
  idempotencyKey: string | null | undefined,
): Promise<LicenseRow> {
  const argumentErrors = checkSubmitArguments(certify, idempotencyKey);
  if (argumentErrors.length) throw invalidInput(argumentErrors);
  if (idempotencyKey) {
    const first = await licenseByIdempotencyKey(services.db, viewer, idempotencyKey);
    if (first) return first;
  }
  const applicant = await applicantOf(services, viewer);
  const now = services.clock();
  const license = checkedLicense(input, await referenceData(services.db), easternDate(now));
  const flags = await flagLicense(services.db, license);
  return services.db.transaction(async (tx) => {
    const { row, found } = await insertLicense(tx, viewer, {
      ...newLicenseValues(applicant, viewer, idempotencyKey),
      ...licenseColumns(license),
      kind: 'STANDARD',
      status: flags.length ? 'ACTION_REQUIRED' : 'SUBMITTED',
      importerKey: importerKey(license.importerName),
      applicationDate: license.applicationDate,
      flags,
      createdAt: now,
      updatedAt: now,
    });
    if (found) return row;
    await tx.insert(tables.licenseProducts).values(productColumns(row.id, license));
    await recordObservations(tx, [{ license, sign: 1 }]);
    await recordLicenseChange(tx, row, { by: viewer, at: now, email: flags.length ? 'ACTION_REQUIRED' : 'SUBMITTED' });
    return row;
  });
}
