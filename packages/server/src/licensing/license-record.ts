import type { tables } from '@aim/db';
import type { ReferenceData } from '../reference/reference-data.js';
import type { License, LicenseProduct, LicenseVersion, Smelt } from './license.model.js';

export type LicenseRow = typeof tables.licenses.$inferSelect;
export type LicenseProductRow = typeof tables.licenseProducts.$inferSelect;
export type LicenseVersionRow = typeof tables.licenseVersions.$inferSelect;

/**
 * What a resolver returns for a License: the stored fields, mapped to the contract; `products`
 * and `history` are read by their field resolvers through the request's loaders unless they are
 * given (a preview has nothing stored to read).
 */
export type LicenseRoot = Omit<License, 'products' | 'history'> & { products?: LicenseProduct[]; history?: LicenseVersion[] };

function country(reference: ReferenceData, code: string) {
  const found = reference.countryByCode.get(code);
  if (!found) throw new Error(`country ${code} is not in the reference data`);
  return found;
}

const optionalCountry = (reference: ReferenceData, code: string | null) => (code ? country(reference, code) : null);

export const usd = (cents: number) => cents / 100;

/** USD per kg to four decimals, what the form shows (LIC-2). */
export const unitValue = (cents: number, kg: number) => Math.round((cents / 100 / kg) * 10_000) / 10_000;

export function toLicense(row: LicenseRow, reference: ReferenceData): LicenseRoot {
  return {
    id: row.id,
    number: row.number,
    productType: row.productType,
    kind: row.kind,
    status: row.status,
    applicant: row.applicant,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    customsEntryNumber: row.customsEntryNumber,
    entryType: row.entryType,
    importerName: row.importerName,
    exporterName: row.exporterName,
    manufacturerNames: row.manufacturerNames,
    countryOfOrigin: optionalCountry(reference, row.countryOfOrigin),
    countryOfExportation: optionalCountry(reference, row.countryOfExportation),
    portOfEntry: row.portOfEntry ? (reference.portByCode.get(row.portOfEntry) ?? null) : null,
    expectedExportDate: row.expectedExportDate,
    expectedImportDate: row.expectedImportDate,
    applicationDate: row.applicationDate,
    validFrom: row.validFrom,
    validThrough: row.validThrough,
    totalVolumeKg: row.totalVolumeKg,
    totalCustomsValueUsd: usd(row.totalCustomsValueCents),
    flags: row.flags,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function smelt(reference: ReferenceData, answer: Smelt['answer'], code: string | null): Smelt {
  return { answer, country: optionalCountry(reference, code) };
}

export function toLicenseProduct(row: Omit<LicenseProductRow, 'licenseId'>, reference: ReferenceData): LicenseProduct {
  const hts = reference.htsByCode.get(row.htsCode);
  if (!hts) throw new Error(`HTS ${row.htsCode} is not in the reference data`);
  return {
    line: row.line,
    hts,
    largestSmelt: smelt(reference, row.largestSmeltAnswer, row.largestSmeltCountry),
    secondSmelt: smelt(reference, row.secondSmeltAnswer, row.secondSmeltCountry),
    mostRecentCast: country(reference, row.mostRecentCast),
    volumeKg: row.volumeKg,
    customsValueUsd: usd(row.customsValueCents),
    unitValueUsdPerKg: unitValue(row.customsValueCents, row.volumeKg),
  };
}

export function toLicenseVersion(row: LicenseVersionRow): LicenseVersion {
  return { version: row.version, status: row.status, at: row.at, by: row.byName, note: row.note };
}
