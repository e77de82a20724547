import { type LowValueLicenseInput, checkLowValueLicense, easternDate, importerKey } from '@aim/domain';
import { type Transaction, tables } from '@aim/db';
import { and, eq, ne } from 'drizzle-orm';
import type { UserRow } from '../accounts/sessions.js';
import { invalidInput } from '../errors.js';
import type { Services } from '../services.js';
import { applicantOf } from './applicant.js';
import { recordLicenseChange } from './license-change.js';
import { checkSubmitArguments, insertLicense, licenseByIdempotencyKey, newLicenseValues } from './submit-license.js';
import type { LicenseRow } from './license-record.js';

async function refuseSecondLowValueLicense(tx: Transaction, companyId: string, key: string): Promise<void> {
  const [held] = await tx
    .select({ number: tables.licenses.number })
    .from(tables.licenses)
    .where(
      and(
        eq(tables.licenses.companyId, companyId),
        eq(tables.licenses.importerKey, key),
        eq(tables.licenses.kind, 'LOW_VALUE'),
        ne(tables.licenses.status, 'CANCELLED'),
      ),
    );
  if (held) {
    throw invalidInput([
      { path: 'importerName', message: `Your company already holds low value license ${held.number} for this importer; it can be used again for every eligible entry.` },
    ]);
  }
}

/**
 * LIC-12: one multiple-use license per importer for entries of covered aluminum worth at most
 * USD 5,000 together; no products, so no anomaly checks; emailed like any license (LIC-13).
 */
export async function submitLowValueLicense(
  services: Services,
  viewer: UserRow,
  input: LowValueLicenseInput,
  certify: boolean,
  idempotencyKey: string | null | undefined,
): Promise<LicenseRow> {
  const now = services.clock();
  const checked = checkLowValueLicense(input, easternDate(now));
  const errors = [...checkSubmitArguments(certify, idempotencyKey), ...(checked.ok ? [] : checked.errors)];
  if (errors.length || !checked.ok) throw invalidInput(errors);
  if (idempotencyKey) {
    const first = await licenseByIdempotencyKey(services.db, viewer, idempotencyKey);
    if (first) return first;
  }
  const applicant = await applicantOf(services, viewer);
  const { license } = checked;
  const key = importerKey(license.importerName);
  return services.db.transaction(async (tx) => {
    await refuseSecondLowValueLicense(tx, applicant.companyId, key);
    const { row, found } = await insertLicense(
      tx,
      viewer,
      {
        ...newLicenseValues(applicant, viewer, idempotencyKey),
        productType: license.productType,
        kind: 'LOW_VALUE',
        status: 'SUBMITTED',
        entryType: 'CONSUMPTION',
        importerName: license.importerName,
        importerKey: key,
        manufacturerNames: [],
        applicationDate: license.applicationDate,
        validFrom: license.validFrom,
        validThrough: license.validThrough,
        totalVolumeKg: 0,
        totalCustomsValueCents: 0,
        createdAt: now,
        updatedAt: now,
      },
      () => refuseSecondLowValueLicense(tx, applicant.companyId, key),
    );
    if (!found) await recordLicenseChange(tx, row, { by: viewer, at: now, email: 'SUBMITTED' });
    return row;
  });
}
