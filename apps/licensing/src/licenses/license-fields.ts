import type { Choice } from '../forms/FormField.vue';
import type { LicenseDetail } from '../graphql/licenses';

/**
 * LIC-11: a flag names a field by its path in the application (`countryOfOrigin`,
 * `products.0.customsValueUsd`), the same path the correction form puts its message beside.
 */
export const licenseFieldLabels = {
  importerName: 'Importer',
  exporterName: 'Exporter',
  manufacturerNames: 'Manufacturers',
  entryType: 'Entry type',
  customsEntryNumber: 'Customs entry number',
  countryOfOrigin: 'Country of origin',
  countryOfExportation: 'Country of exportation',
  portOfEntry: 'Expected port of entry',
  expectedExportDate: 'Expected date of export',
  expectedImportDate: 'Expected date of import',
} as const;
export type LicenseField = keyof typeof licenseFieldLabels;

export const productFieldLabels = {
  htsCode: 'HTS number',
  largestSmelt: 'Largest smelt',
  secondSmelt: 'Second largest smelt',
  mostRecentCast: 'Most recent cast',
  volumeKg: 'Volume',
  customsValueUsd: 'Customs value',
} as const;
export type ProductField = keyof typeof productFieldLabels;

const has = <Labels extends object>(labels: Labels, key: string | undefined): key is Extract<keyof Labels, string> =>
  key !== undefined && Object.hasOwn(labels, key);

export const productFieldPath = (index: number, field: ProductField) => `products.${index}.${field}`;

/** A flag's field in words: `products.1.customsValueUsd` → "Product 2: Customs value"; a path we do not know as written. */
export function fieldLabel(path: string): string {
  const [first, index, field] = path.split('.');
  if (first === 'products' && index !== undefined && /^\d+$/.test(index)) {
    const product = `Product ${Number(index) + 1}`;
    return has(productFieldLabels, field) ? `${product}: ${productFieldLabels[field]}` : product;
  }
  return has(licenseFieldLabels, path) ? licenseFieldLabels[path] : path;
}

/** The fields an analyst can flag on this license: a low value license holds only its importer (LIC-12). */
export function flaggableFields(license: Pick<LicenseDetail, 'kind' | 'products'>): Choice[] {
  if (license.kind === 'LOW_VALUE') return [{ value: 'importerName', label: licenseFieldLabels.importerName }];
  const paths = [
    ...Object.keys(licenseFieldLabels),
    ...license.products.flatMap((_, index) => Object.keys(productFieldLabels).map((field) => `products.${index}.${field}`)),
  ];
  return paths.map((path) => ({ value: path, label: fieldLabel(path) }));
}

/** The flags on a field or on a part of it (`products.0.largestSmelt.country` is about the largest smelt). */
export function flagsOn(flags: LicenseDetail['flags'], path: string): LicenseDetail['flags'] {
  return flags.filter((flag) => flag.path === path || flag.path.startsWith(`${path}.`));
}
