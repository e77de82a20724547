import { type Flag, type StandardLicenseInput, easternDate, importerKey } from '@aim/domain';
import type { UserRow } from '../accounts/sessions.js';
import { referenceData } from '../reference/reference-data.js';
import type { Services } from '../services.js';
import { flagLicense } from './anomaly-statistics.js';
import { applicantOf } from './applicant.js';
import { checkedLicense } from './check-license.js';
import { type LicenseRoot, toLicense, toLicenseProduct } from './license-record.js';
import { licenseColumns, productColumns } from './stored-license.js';

/**
 * LIC-6: the whole license as submit would store it, unit values, validity dates and the flags
 * that would make it ACTION_REQUIRED included; nothing is written and no number is issued.
 */
export async function previewLicense(
  services: Services,
  viewer: UserRow,
  input: StandardLicenseInput,
): Promise<{ license: LicenseRoot; flags: Flag[] }> {
  const applicant = await applicantOf(services, viewer);
  const reference = await referenceData(services.db);
  const now = services.clock();
  const license = checkedLicense(input, reference, easternDate(now));
  const flags = await flagLicense(services.db, license);
  const root = toLicense(
    {
      id: '',
      number: '',
      companyId: applicant.companyId,
      createdBy: viewer.id,
      kind: 'STANDARD',
      status: flags.length ? 'ACTION_REQUIRED' : 'SUBMITTED',
      version: 0,
      applicant: applicant.applicant,
      contactName: applicant.contactName,
      contactEmail: applicant.contactEmail,
      importerKey: importerKey(license.importerName),
      applicationDate: license.applicationDate,
      flags,
      idempotencyKey: null,
      createdAt: now,
      updatedAt: now,
      ...licenseColumns(license),
    },
    reference,
  );
  return {
    license: { ...root, products: productColumns('', license).map((product) => toLicenseProduct(product, reference)), history: [] },
    flags,
  };
}
