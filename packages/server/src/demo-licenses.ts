import { type StandardLicenseInput, addDays, easternDate } from '@aim/domain';
import type { UserRow } from './accounts/sessions.js';
import { cancelLicense } from './licensing/cancel-license.js';
import { confirmLicense } from './licensing/confirm-license.js';
import { modifyLicense } from './licensing/modify-license.js';
import { flagLicenseByHand } from './licensing/review-license.js';
import { submitLicense } from './licensing/submit-license.js';
import { submitLowValueLicense } from './licensing/submit-low-value-license.js';
import type { Services } from './services.js';

type Product = StandardLicenseInput['products'][number];

const product = (htsCode: string, volumeKg: number, usdPerKg: number, smelt: string | null, cast: string): Product => ({
  htsCode,
  largestSmelt: smelt ? { answer: 'COUNTRY', country: smelt } : { answer: 'NOT_APPLICABLE' },
  secondSmelt: { answer: 'NOT_APPLICABLE' },
  mostRecentCast: cast,
  volumeKg,
  customsValueUsd: Math.round(volumeKg * usdPerKg * 100) / 100,
});

/** Realistic applications (partners, unit values and smelters of ../shared/reference facts). */
function applications(today: string): StandardLicenseInput[] {
  const base = (days: number, origin: string, exporter: string, products: Product[], port = '3801'): StandardLicenseInput => ({
    productType: 'ALUMINUM',
    entryType: 'CONSUMPTION',
    customsEntryNumber: null,
    importerName: 'Great Lakes Metals Trading LLC',
    exporterName: exporter,
    manufacturerNames: [exporter],
    countryOfOrigin: origin,
    countryOfExportation: origin,
    portOfEntry: port,
    expectedExportDate: addDays(today, days - 5),
    expectedImportDate: addDays(today, days),
    products,
  });
  return [
    base(12, 'CA', 'Alouette Aluminium Inc.', [product('7601103000', 24_000, 2.72, 'CA', 'CA'), product('7601203000', 18_000, 3.05, 'CA', 'CA')]),
    base(20, 'AE', 'Emirates Global Aluminium', [product('7601206000', 120_000, 3.1, 'AE', 'AE')], '1001'),
    base(7, 'BH', 'Alba Trading WLL', [product('7601209030', 60_000, 2.9, 'BH', 'BH')], '5301'),
    base(30, 'IN', 'Hindalco Industries Ltd', [product('7604291010', 8_500, 5.4, 'IN', 'IN')], '2704'),
    base(15, 'MX', 'Aluminio Reciclado del Norte SA', [product('7601209060', 40_000, 2.65, null, 'MX')], '2304'),
    base(25, 'DE', 'Hydro Aluminium Rolled Products GmbH', [product('7606126000', 12_000, 5.8, 'NO', 'DE')], '1001'),
    base(9, 'CA', 'Rio Tinto Alcan Inc.', [product('7601106040', 200_000, 2.8, 'CA', 'CA')]),
    base(18, 'IT', 'Raccorderie Metalliche SpA', [product('7609000000', 900, 14.5, 'NO', 'IT')], '1001'),
  ];
}

/**
 * A dozen licenses for the demo filer in every status (#5 item 11), made through the same use
 * cases as the API: submitted, corrected, action required (a kilogram / metric-ton mix-up),
 * confirmed, flagged by an analyst, cancelled, and a low value license.
 */
export async function loadDemoLicenses(services: Services, filer: UserRow, analyst: UserRow): Promise<void> {
  const today = easternDate(services.clock());
  const [canada, emirates, bahrain, india, ...others] = applications(today);
  if (!canada || !emirates || !bahrain || !india) return;
  const submit = (application: StandardLicenseInput) => submitLicense(services, filer, application, true, null);
  const corrected = await submit(canada);
  await modifyLicense(services, filer, corrected.number, { ...canada, exporterName: 'Alouette Aluminium Inc. (Sept-Iles)' }, true);
  const flaggedByAnalyst = await submit(emirates);
  await flagLicenseByHand(services, analyst, flaggedByAnalyst.number, [{ path: 'products.0.mostRecentCast', reason: 'Please confirm where this metal was last cast.' }], 'Routine review of a new exporter.');
  await cancelLicense(services, filer, (await submit(bahrain)).number);
  await submit(india);
  for (const application of others) await submit(application);
  // A value typed per metric ton where the form asks per kg: the checks flag it (LIC-11); one is confirmed.
  const mixUp = { ...canada, products: [product('7601103000', 24_000_000, 0.00272, 'CA', 'CA')] };
  await submit(mixUp);
  const confirmed = await submit({ ...mixUp, importerName: 'Great Lakes Metals Trading LLC (Toledo branch)' });
  if (confirmed.status === 'ACTION_REQUIRED') await confirmLicense(services, filer, confirmed.number);
  await submitLowValueLicense(services, filer, { productType: 'ALUMINUM', importerName: 'Great Lakes Metals Trading LLC' }, true, null);
}
