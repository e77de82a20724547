import { LICENSE_HEADER_FIELDS, type StandardLicense } from '@aim/domain';
import type { ReferenceData } from '../reference/reference-data.js';
import { type LicenseProductRow, type LicenseRow, unitValue } from './license-record.js';

/**
 * A stored standard license in the domain's normalized shape, so a correction can be compared
 * with it field by field and its products taken out of the statistics.
 */
export function storedLicense(row: LicenseRow, products: LicenseProductRow[], reference: ReferenceData): StandardLicense {
  return {
    productType: row.productType,
    customsEntryNumber: row.customsEntryNumber,
    entryType: row.entryType,
    importerName: row.importerName,
    exporterName: row.exporterName ?? '',
    manufacturerNames: row.manufacturerNames,
    countryOfOrigin: row.countryOfOrigin ?? '',
    countryOfExportation: row.countryOfExportation ?? '',
    portOfEntry: row.portOfEntry ?? '',
    expectedExportDate: row.expectedExportDate ?? '',
    expectedImportDate: row.expectedImportDate ?? '',
    applicationDate: row.applicationDate,
    validFrom: row.validFrom,
    validThrough: row.validThrough,
    products: products.map((product) => ({
      line: product.line,
      htsCode: product.htsCode,
      productGroupId: reference.htsByCode.get(product.htsCode)?.productGroupId ?? 0,
      largestSmelt: { answer: product.largestSmeltAnswer, country: product.largestSmeltCountry },
      secondSmelt: { answer: product.secondSmeltAnswer, country: product.secondSmeltCountry },
      mostRecentCast: product.mostRecentCast,
      volumeKg: product.volumeKg,
      customsValueCents: product.customsValueCents,
      unitValueUsdPerKg: unitValue(product.customsValueCents, product.volumeKg),
    })),
    totalVolumeKg: row.totalVolumeKg,
    totalCustomsValueCents: row.totalCustomsValueCents,
  };
}

/** The columns of a license and its products that a standard license sets (submit and correction alike). */
export function licenseColumns(license: StandardLicense) {
  return {
    productType: license.productType,
    customsEntryNumber: license.customsEntryNumber,
    entryType: license.entryType,
    importerName: license.importerName,
    exporterName: license.exporterName,
    manufacturerNames: license.manufacturerNames,
    countryOfOrigin: license.countryOfOrigin,
    countryOfExportation: license.countryOfExportation,
    portOfEntry: license.portOfEntry,
    expectedExportDate: license.expectedExportDate,
    expectedImportDate: license.expectedImportDate,
    validFrom: license.validFrom,
    validThrough: license.validThrough,
    totalVolumeKg: license.totalVolumeKg,
    totalCustomsValueCents: license.totalCustomsValueCents,
  };
}

export function productColumns(licenseId: string, license: StandardLicense): LicenseProductRow[] {
  return license.products.map((product) => ({
    licenseId,
    line: product.line,
    htsCode: product.htsCode,
    largestSmeltAnswer: product.largestSmelt.answer,
    largestSmeltCountry: product.largestSmelt.country,
    secondSmeltAnswer: product.secondSmelt.answer,
    secondSmeltCountry: product.secondSmelt.country,
    mostRecentCast: product.mostRecentCast,
    volumeKg: product.volumeKg,
    customsValueCents: product.customsValueCents,
  }));
}

const HEADER_FIELDS = LICENSE_HEADER_FIELDS;
const PRODUCT_FIELDS = ['htsCode', 'largestSmelt', 'secondSmelt', 'mostRecentCast', 'volumeKg', 'customsValueCents'] as const;
// The stored field in cents is the input's `customsValueUsd` (X-1 paths name the input).
const productPath = (field: (typeof PRODUCT_FIELDS)[number]) => (field === 'customsValueCents' ? 'customsValueUsd' : field);

/** LIC-9: the input paths a correction changed (`importerName`, `products.1.volumeKg`, `products` when lines come or go). */
export function changedFields(before: StandardLicense, after: StandardLicense): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changed: string[] = HEADER_FIELDS.filter((field) => !same(before[field], after[field]));
  if (before.products.length !== after.products.length) changed.push('products');
  after.products.forEach((product, index) => {
    const earlier = before.products[index];
    if (!earlier) return;
    for (const field of PRODUCT_FIELDS) {
      if (!same(earlier[field], product[field])) changed.push(`products.${index}.${productPath(field)}`);
    }
  });
  return changed;
}
