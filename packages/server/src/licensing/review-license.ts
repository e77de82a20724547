import { validateText } from '@aim/domain';
import { tables } from '@aim/db';
import { asc, eq } from 'drizzle-orm';
import type { UserRow } from '../accounts/sessions.js';
import { invalidInput } from '../errors.js';
import type { Services } from '../services.js';
import { findAnyLicense, licenseNotFound } from './find-license.js';
import { recordLicenseChange } from './license-change.js';
import type { LicenseRow } from './license-record.js';
import { refuseUnchangeable } from './modify-license.js';

const MAX_MESSAGE_LENGTH = 2000;
const MAX_FLAGS = 50;

/**
 * REV-1, LIC-11: an analyst flags a license by hand with a message; it becomes ACTION_REQUIRED
 * and the filer is emailed the reasons and the message (LIC-13). The action is a version: who, when.
 */
export async function flagLicenseByHand(
  services: Services,
  analyst: UserRow,
  number: string,
  flags: readonly { path: string; reason: string }[],
  message: string,
): Promise<LicenseRow> {
  const errors = [
    ...(flags.length === 0 || flags.length > MAX_FLAGS ? [{ path: 'flags', message: `Name 1 to ${MAX_FLAGS} fields that need the filer's attention.` }] : []),
    ...flags.flatMap((flag, index) => [
      ...validateText(flag.path, `flags.${index}.path`, 'field', 200),
      ...validateText(flag.reason, `flags.${index}.reason`, 'reason', 500),
    ]),
    ...validateText(message, 'message', 'message', MAX_MESSAGE_LENGTH),
  ];
  if (errors.length) throw invalidInput(errors);
  return services.db.transaction(async (tx) => {
    const row = await findAnyLicense(tx, number, { forUpdate: true });
    if (!row) throw licenseNotFound();
    refuseUnchangeable(row);
    const now = services.clock();
    const [updated] = await tx
      .update(tables.licenses)
      .set({
        status: 'ACTION_REQUIRED',
        flags: flags.map((flag) => ({ path: flag.path.trim(), reason: flag.reason.trim() })),
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(tables.licenses.id, row.id))
      .returning();
    if (!updated) throw licenseNotFound();
    await recordLicenseChange(tx, updated, { by: analyst, at: now, note: message.trim(), email: 'ACTION_REQUIRED' });
    return updated;
  });
}

/**
 * REV-1: an analyst clears the flags; the license returns to the status it had before it was
 * flagged (CORRECTED if it was ever corrected, else SUBMITTED), and the action is a version.
 */
export async function clearFlags(services: Services, analyst: UserRow, number: string, note: string | null): Promise<LicenseRow> {
  if (note) {
    const errors = validateText(note, 'note', 'note', MAX_MESSAGE_LENGTH);
    if (errors.length) throw invalidInput(errors);
  }
  return services.db.transaction(async (tx) => {
    const row = await findAnyLicense(tx, number, { forUpdate: true });
    if (!row) throw licenseNotFound();
    refuseUnchangeable(row);
    if (row.status !== 'ACTION_REQUIRED' && row.flags.length === 0) {
      throw invalidInput([{ path: 'number', message: `License ${row.number} has no flags to clear.` }]);
    }
    const versions = await tx
      .select({ status: tables.licenseVersions.status })
      .from(tables.licenseVersions)
      .where(eq(tables.licenseVersions.licenseId, row.id))
      .orderBy(asc(tables.licenseVersions.version));
    const now = services.clock();
    const [updated] = await tx
      .update(tables.licenses)
      .set({
        status: versions.some((version) => version.status === 'CORRECTED') ? 'CORRECTED' : 'SUBMITTED',
        flags: [],
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(tables.licenses.id, row.id))
      .returning();
    if (!updated) throw licenseNotFound();
    await recordLicenseChange(tx, updated, { by: analyst, at: now, note: note?.trim() || 'Flags cleared by a Commerce analyst.' });
    return updated;
  });
}
