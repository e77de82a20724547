import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  type BulkRowError,
  type BulkSheet,
  type Flag,
  type StandardLicense,
  type BulkEntry,
  bulkCellOfPath,
  bulkPolicy,
  checkBulkEntry,
  easternDate,
  importerKey,
  readBulkSheet,
  sortBulkErrors,
} from '@aim/domain';
import { type BulkUploadLicense, type Transaction, tables } from '@aim/db';
import { and, eq, or } from 'drizzle-orm';
import type { UserRow } from '../accounts/sessions.js';
import { AppError, ErrorCode, invalidInput } from '../errors.js';
import { enqueueEmail } from '../outbox/enqueue.js';
import { referenceData } from '../reference/reference-data.js';
import type { Services } from '../services.js';
import { flagLicenses, recordObservations } from './anomaly-statistics.js';
import { applicantOf } from './applicant.js';
import { licenseReference } from './check-license.js';
import { licenseVersionValues } from './license-change.js';
import { bulkUploadMessage } from './license-messages.js';
import { newLicenseNumber } from './license-number.js';
import type { LicenseRow } from './license-record.js';
import { licenseColumns, productColumns } from './stored-license.js';
import { NUMBER_ATTEMPTS, checkIdempotencyKey, newLicenseValues } from './submit-license.js';

export interface BulkUploadResult {
  licenses: BulkUploadLicense[];
  /** The upload was made before (same file or same key): these are its licenses, and nothing new was created. */
  repeated: boolean;
  uploadedAt: Date;
}

/** BULK-2: a file with any error, each at its Excel row and template column; nothing was written. */
export class BulkFileRejected extends AppError {
  constructor(
    readonly errors: BulkRowError[],
    readonly errorCount: number,
  ) {
    super(
      ErrorCode.BAD_USER_INPUT,
      `The file has ${errorCount.toLocaleString('en-US')} error${errorCount === 1 ? '' : 's'}, so no license was created. Correct ${errorCount === 1 ? 'it' : 'them'} and upload the file again.`,
    );
    this.name = 'BulkFileRejected';
  }
}

// Statement sizes that stay far below PostgreSQL's 65,535 parameters per statement, and short
// enough that PGlite, which runs in the server's own thread, lets other requests in between.
const LICENSES_PER_INSERT = 50;
const ROWS_PER_INSERT = 200;
/** Licenses checked between two turns of the event loop, so other requests are answered meanwhile. */
const ENTRIES_PER_TURN = 200;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let at = 0; at < items.length; at += size) result.push(items.slice(at, at + size));
  return result;
}

async function previousUpload(db: Services['db'] | Transaction, viewer: UserRow, companyId: string, contentHash: string, idempotencyKey: string | null) {
  const sameFile = and(eq(tables.bulkUploads.companyId, companyId), eq(tables.bulkUploads.contentHash, contentHash));
  const [row] = await db
    .select()
    .from(tables.bulkUploads)
    .where(idempotencyKey ? or(sameFile, and(eq(tables.bulkUploads.createdBy, viewer.id), eq(tables.bulkUploads.idempotencyKey, idempotencyKey))) : sameFile)
    .limit(1);
  return row && { licenses: row.licenses, repeated: true, uploadedAt: row.createdAt };
}

/** Every license of the file through the license rules, or every error of the file. */
async function checkedEntries(services: Services, sheet: BulkSheet, applicationDate: string) {
  const reference = await referenceData(services.db);
  const rules = licenseReference(reference);
  const read = readBulkSheet(sheet, { ...rules, countries: reference.countries, ports: reference.ports });
  const errors = [...read.errors];
  const licenses: Array<{ entry: BulkEntry; license: StandardLicense }> = [];
  for (const [index, entry] of read.entries.entries()) {
    if (index > 0 && index % ENTRIES_PER_TURN === 0) await nextTurn();
    const checked = checkBulkEntry(entry, rules, applicationDate);
    if (checked.ok) licenses.push({ entry, license: checked.license });
    else errors.push(...checked.errors);
  }
  if (errors.length > 0) throw new BulkFileRejected(sortBulkErrors(errors).slice(0, bulkPolicy.maxReportedErrors), errors.length);
  return licenses;
}

/**
 * Inserts the licenses under fresh numbers (LIC-8), many per statement; the few whose number was
 * already taken draw again. Answers the rows in the order of `values`.
 */
async function insertLicenses(tx: Transaction, values: ReadonlyArray<Omit<typeof tables.licenses.$inferInsert, 'number'>>): Promise<LicenseRow[]> {
  const rows: Array<LicenseRow | undefined> = new Array(values.length);
  let pending = values.map((_, index) => index);
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS && pending.length > 0; attempt++) {
    for (const batch of chunks(pending, LICENSES_PER_INSERT)) {
      const numbered = batch.map((index) => ({ index, number: newLicenseNumber() }));
      const inserted = await tx
        .insert(tables.licenses)
        .values(numbered.map(({ index, number }) => ({ ...values[index], number }) as typeof tables.licenses.$inferInsert))
        .onConflictDoNothing()
        .returning();
      const byNumber = new Map(inserted.map((row) => [row.number, row]));
      for (const { index, number } of numbered) rows[index] = byNumber.get(number);
    }
    pending = pending.filter((index) => rows[index] === undefined);
  }
  if (pending.length > 0) throw new Error(`no free license number after ${NUMBER_ATTEMPTS} draws`);
  return rows.filter((row): row is LicenseRow => row !== undefined);
}

/**
 * BULK-2: a sheet of licenses, all or nothing. Every row goes through the license rules first and
 * any error rejects the whole file; a valid file's licenses are judged by the anomaly checks
 * (LIC-11) and written in one transaction with their versions (LIC-9), their statistics and one
 * email with the count (LIC-13). The same file again (its hash, per company) or the same
 * idempotency key answers the first upload's licenses and creates nothing.
 */
export async function submitBulkLicenses(
  services: Services,
  viewer: UserRow,
  upload: { sheet: BulkSheet; contentHash: string },
  idempotencyKey: string | null,
): Promise<BulkUploadResult> {
  const keyErrors = checkIdempotencyKey(idempotencyKey);
  if (keyErrors.length) throw invalidInput(keyErrors);
  const applicant = await applicantOf(services, viewer);
  const first = await previousUpload(services.db, viewer, applicant.companyId, upload.contentHash, idempotencyKey);
  if (first) return first;

  const now = services.clock();
  const licenses = await checkedEntries(services, upload.sheet, easternDate(now));
  const flags: Flag[][] = await flagLicenses(services.db, licenses.map(({ license }) => license));

  return services.db.transaction(async (tx) => {
    // Claimed first: a concurrent upload of the same file or key waits here for this one to
    // commit, then finds it instead of writing its licenses a second time.
    const [claim] = await tx
      .insert(tables.bulkUploads)
      .values({ companyId: applicant.companyId, createdBy: viewer.id, contentHash: upload.contentHash, idempotencyKey, licenses: [], createdAt: now })
      .onConflictDoNothing()
      .returning({ id: tables.bulkUploads.id });
    if (!claim) {
      const earlier = await previousUpload(tx, viewer, applicant.companyId, upload.contentHash, idempotencyKey);
      if (earlier) return earlier;
      throw new Error('bulk upload conflicted with an upload that cannot be found');
    }

    const rows = await insertLicenses(
      tx,
      licenses.map(({ license }, index) => ({
        ...newLicenseValues(applicant, viewer, null),
        ...licenseColumns(license),
        kind: 'STANDARD' as const,
        status: flags[index]?.length ? ('ACTION_REQUIRED' as const) : ('SUBMITTED' as const),
        importerKey: importerKey(license.importerName),
        applicationDate: license.applicationDate,
        flags: flags[index] ?? [],
        createdAt: now,
        updatedAt: now,
      })),
    );
    const products = rows.flatMap((row, index) => {
      const license = licenses[index]?.license;
      return license ? productColumns(row.id, license) : [];
    });
    for (const batch of chunks(products, ROWS_PER_INSERT)) await tx.insert(tables.licenseProducts).values(batch);
    const versions = rows.map((row) => licenseVersionValues(row, { by: viewer, at: now }));
    for (const batch of chunks(versions, ROWS_PER_INSERT)) await tx.insert(tables.licenseVersions).values(batch);
    await recordObservations(tx, licenses.map(({ license }) => ({ license, sign: 1 as const })));

    const result: BulkUploadLicense[] = rows.map((row, index) => {
      const entry = licenses[index]?.entry;
      return {
        entryId: entry?.entryId ?? '',
        number: row.number,
        status: row.status === 'ACTION_REQUIRED' ? 'ACTION_REQUIRED' : 'SUBMITTED',
        flags: entry ? row.flags.map((flag) => ({ ...flag, ...bulkCellOfPath(entry, flag.path) })) : [],
      };
    });
    await enqueueEmail(tx, bulkUploadMessage(viewer, { count: rows.length, actionRequired: result.filter((each) => each.status === 'ACTION_REQUIRED').length }));
    await tx.update(tables.bulkUploads).set({ licenses: result }).where(eq(tables.bulkUploads.id, claim.id));
    return { licenses: result, repeated: false, uploadedAt: now };
  });
}
