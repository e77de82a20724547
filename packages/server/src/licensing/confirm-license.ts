import { tables } from '@aim/db';
import { eq } from 'drizzle-orm';
import type { UserRow } from '../accounts/sessions.js';
import { invalidInput } from '../errors.js';
import type { Services } from '../services.js';
import { findOwnLicense, licenseNotFound } from './find-license.js';
import { recordLicenseChange } from './license-change.js';
import type { LicenseRow } from './license-record.js';

/** LIC-11: the filer confirms a flagged license without change → SUBMITTED, the confirmation recorded. */
export async function confirmLicense(services: Services, viewer: UserRow, number: string): Promise<LicenseRow> {
  return services.db.transaction(async (tx) => {
    const row = await findOwnLicense(tx, viewer, number, { forUpdate: true });
    if (!row) throw licenseNotFound();
    if (row.status !== 'ACTION_REQUIRED') {
      throw invalidInput([{ path: 'number', message: `License ${row.number} needs no confirmation: it is not waiting for action.` }]);
    }
    const now = services.clock();
    const [updated] = await tx
      .update(tables.licenses)
      .set({ status: 'SUBMITTED', flags: [], version: row.version + 1, updatedAt: now })
      .where(eq(tables.licenses.id, row.id))
      .returning();
    if (!updated) throw licenseNotFound();
    const reasons = row.flags.map((flag) => flag.path).join(', ');
    await recordLicenseChange(tx, updated, { by: viewer, at: now, note: `Confirmed without change by the filer (flagged: ${reasons}).` });
    return updated;
  });
}
