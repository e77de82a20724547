import { type Transaction, tables } from '@aim/db';
import { eq } from 'drizzle-orm';
import type { UserRow } from '../accounts/sessions.js';
import { enqueueEmail } from '../outbox/enqueue.js';
import type { LicenseRow } from './license-record.js';
import { type LicenseEmailEvent, licenseMessage } from './license-messages.js';

/** How the history names a person: their display name and what they act as. */
function actorName(user: UserRow): string {
  return `${user.displayName} (${user.role === 'ANALYST' ? 'Commerce analyst' : 'filer'})`;
}

export interface LicenseChange {
  by: UserRow;
  at: Date;
  changedFields?: string[];
  note?: string | null;
  email?: LicenseEmailEvent;
}

/** LIC-9: the version row a change of `license` writes. */
export function licenseVersionValues(license: LicenseRow, change: LicenseChange): typeof tables.licenseVersions.$inferInsert {
  return {
    licenseId: license.id,
    version: license.version,
    status: license.status,
    at: change.at,
    byUserId: change.by.id,
    byName: actorName(change.by),
    changedFields: change.changedFields ?? [],
    note: change.note ?? null,
  };
}

/**
 * LIC-9: every change of a license is a version (who, when, what changed), written in the
 * change's transaction; LIC-13: its email goes to the outbox in the same transaction, so a change
 * that rolls back sends nothing and one that commits is never without its email.
 */
export async function recordLicenseChange(tx: Transaction, license: LicenseRow, change: LicenseChange): Promise<void> {
  await tx.insert(tables.licenseVersions).values(licenseVersionValues(license, change));
  if (!change.email) return;
  // The filer acting on their own license is already at hand; an analyst's action needs a read.
  const [filer] =
    change.by.id === license.createdBy
      ? [change.by]
      : await tx
          .select({ email: tables.users.email, alternateEmail: tables.users.alternateEmail })
          .from(tables.users)
          .where(eq(tables.users.id, license.createdBy));
  if (filer) await enqueueEmail(tx, licenseMessage(change.email, filer, license, change.note ?? null));
}
