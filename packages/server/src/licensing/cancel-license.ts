import { tables } from '@aim/db';
import { asc, eq } from 'drizzle-orm';
import type { UserRow } from '../accounts/sessions.js';
import { referenceData } from '../reference/reference-data.js';
import type { Services } from '../services.js';
import { recordObservations } from './anomaly-statistics.js';
import { findOwnLicense, licenseNotFound } from './find-license.js';
import { recordLicenseChange } from './license-change.js';
import type { LicenseRow } from './license-record.js';
import { refuseUnchangeable } from './modify-license.js';
import { storedLicense } from './stored-license.js';

/** LIC-10: cancelling is permanent; the license is no longer valid for any entry, and leaves the statistics. */
export async function cancelLicense(services: Services, viewer: UserRow, number: string): Promise<LicenseRow> {
  const reference = await referenceData(services.db);
  return services.db.transaction(async (tx) => {
    const row = await findOwnLicense(tx, viewer, number, { forUpdate: true });
    if (!row) throw licenseNotFound();
    refuseUnchangeable(row);
    const now = services.clock();
    const [updated] = await tx
      .update(tables.licenses)
      .set({ status: 'CANCELLED', flags: [], version: row.version + 1, updatedAt: now })
      .where(eq(tables.licenses.id, row.id))
      .returning();
    if (!updated) throw licenseNotFound();
    if (row.kind === 'STANDARD') {
      const products = await tx.select().from(tables.licenseProducts).where(eq(tables.licenseProducts.licenseId, row.id)).orderBy(asc(tables.licenseProducts.line));
      await recordObservations(tx, [{ license: storedLicense(row, products, reference), sign: -1 }]);
    }
    await recordLicenseChange(tx, updated, { by: viewer, at: now, email: 'CANCELLED' });
    return updated;
  });
}
