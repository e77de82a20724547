import { type StandardLicenseInput, importerKey } from '@aim/domain';
import { tables } from '@aim/db';
import { asc, eq } from 'drizzle-orm';
import type { UserRow } from '../accounts/sessions.js';
import { invalidInput } from '../errors.js';
import { referenceData } from '../reference/reference-data.js';
import type { Services } from '../services.js';
import { flagLicense, recordObservations } from './anomaly-statistics.js';
import { checkedLicense } from './check-license.js';
import { findOwnLicense, licenseNotFound } from './find-license.js';
import { recordLicenseChange } from './license-change.js';
import type { LicenseRow } from './license-record.js';
import { changedFields, licenseColumns, productColumns, storedLicense } from './stored-license.js';
import { checkSubmitArguments } from './submit-license.js';

/** LIC-10: what cannot be modified, in the words of the `number` field. */
export function refuseUnchangeable(row: LicenseRow): void {
  if (row.status === 'CANCELLED') {
    throw invalidInput([{ path: 'number', message: `License ${row.number} is cancelled: it cannot be changed or restored. Duplicate it to apply again.` }]);
  }
}

/**
 * LIC-10, LIC-11: a correction of a submitted, corrected or action-required standard license; the
 * number and application date stay, the rules and the anomaly checks run again, and the license
 * becomes CORRECTED (or ACTION_REQUIRED if the correction still looks wrong). The row is locked,
 * so concurrent corrections apply in turn, each a version of its own (LIC-9).
 */
export async function modifyLicense(
  services: Services,
  viewer: UserRow,
  number: string,
  input: StandardLicenseInput,
  certify: boolean,
): Promise<LicenseRow> {
  const argumentErrors = checkSubmitArguments(certify, null);
  if (argumentErrors.length) throw invalidInput(argumentErrors);
  const reference = await referenceData(services.db);
  return services.db.transaction(async (tx) => {
    const row = await findOwnLicense(tx, viewer, number, { forUpdate: true });
    if (!row) throw licenseNotFound();
    refuseUnchangeable(row);
    if (row.kind === 'LOW_VALUE') {
      throw invalidInput([{ path: 'number', message: `License ${row.number} is a low value license: it has no products to correct.` }]);
    }
    const license = checkedLicense(input, reference, row.applicationDate);
    const products = await tx.select().from(tables.licenseProducts).where(eq(tables.licenseProducts.licenseId, row.id)).orderBy(asc(tables.licenseProducts.line));
    const before = storedLicense(row, products, reference);
    // Judged against what the system has seen, its own earlier figures among them: one line among
    // the many (and the reference facts) barely moves a median, and one upsert for the swap below
    // keeps the counters' lock order.
    const flags = await flagLicense(tx, license);
    const now = services.clock();
    const [updated] = await tx
      .update(tables.licenses)
      .set({
        ...licenseColumns(license),
        importerKey: importerKey(license.importerName),
        status: flags.length ? 'ACTION_REQUIRED' : 'CORRECTED',
        flags,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(tables.licenses.id, row.id))
      .returning();
    if (!updated) throw licenseNotFound();
    await tx.delete(tables.licenseProducts).where(eq(tables.licenseProducts.licenseId, row.id));
    await tx.insert(tables.licenseProducts).values(productColumns(row.id, license));
    await recordObservations(tx, [
      { license: before, sign: -1 },
      { license, sign: 1 },
    ]);
    await recordLicenseChange(tx, updated, {
      by: viewer,
      at: now,
      changedFields: changedFields(before, license),
      email: flags.length ? 'ACTION_REQUIRED' : 'CORRECTED',
    });
    return updated;
  });
}
