import {
  type EntryType,
  type LicenseProductInput,
  type LicenseReference,
  type SmeltInput,
  type StandardLicenseInput,
  toCents,
  unitValueUsdPerKg,
} from '@aim/domain';
import type { LicenseApplication, LicenseReferenceData } from '../graphql/apply';

/**
 * A smelt answer as the form holds it, in one picker: a country code, or one of the two words
 * (LIC-4). Country codes are two letters, so the three never collide.
 */
export type SmeltValue = string;
export const NOT_APPLICABLE = 'NOT_APPLICABLE';
export const UNKNOWN = 'UNKNOWN';

/** One product line as typed: numbers stay text until sent, so a half-typed "1,2" is not lost. */
export interface ProductValues {
  htsCode: string;
  largestSmelt: SmeltValue;
  secondSmelt: SmeltValue;
  mostRecentCast: string;
  volumeKg: string;
  customsValueUsd: string;
}

/** The standard license application as the form holds it (LIC-1, LIC-2). */
export interface ApplicationValues {
  customsEntryNumber: string;
  entryType: EntryType;
  importerName: string;
  exporterName: string;
  /** One name per line (LIC-1: several allowed, or Unknown). */
  manufacturerNames: string;
  countryOfOrigin: string;
  countryOfExportation: string;
  portOfEntry: string;
  expectedExportDate: string;
  expectedImportDate: string;
  products: ProductValues[];
}

export function emptyProduct(): ProductValues {
  return { htsCode: '', largestSmelt: '', secondSmelt: '', mostRecentCast: '', volumeKg: '', customsValueUsd: '' };
}

export function emptyApplication(): ApplicationValues {
  return {
    customsEntryNumber: '',
    entryType: 'CONSUMPTION',
    importerName: '',
    exporterName: '',
    manufacturerNames: '',
    countryOfOrigin: '',
    countryOfExportation: '',
    portOfEntry: '',
    expectedExportDate: '',
    expectedImportDate: '',
    products: [emptyProduct()],
  };
}

/** Digits with the thousands separators people type ("24,000"); anything else is not a number. */
export function parseAmount(text: string): number {
  const plain = text.trim().replaceAll(',', '');
  return plain === '' || !/^\d*\.?\d*$/.test(plain) ? Number.NaN : Number(plain);
}

/** LIC-2 unit value, USD per kg, as the server will compute it; undefined until both amounts make sense. */
export function liveUnitValue(product: Pick<ProductValues, 'volumeKg' | 'customsValueUsd'>): number | undefined {
  const kg = parseAmount(product.volumeKg);
  const cents = toCents(parseAmount(product.customsValueUsd));
  if (!(kg > 0) || cents === undefined || cents <= 0) return undefined;
  return unitValueUsdPerKg(cents, kg);
}

function smeltInput(value: SmeltValue): SmeltInput {
  if (value === NOT_APPLICABLE || value === UNKNOWN) return { answer: value };
  return { answer: 'COUNTRY', country: value };
}

function smeltValue(smelt: { answer: string; country?: { code: string } | null }): SmeltValue {
  return smelt.answer === 'COUNTRY' ? (smelt.country?.code ?? '') : smelt.answer;
}

function productInput(product: ProductValues): LicenseProductInput {
  return {
    htsCode: product.htsCode,
    largestSmelt: smeltInput(product.largestSmelt),
    secondSmelt: smeltInput(product.secondSmelt),
    mostRecentCast: product.mostRecentCast,
    volumeKg: parseAmount(product.volumeKg),
    customsValueUsd: parseAmount(product.customsValueUsd),
  };
}

/** The API's input; the domain rules run on it before it is sent, so no NaN ever leaves the browser. */
export function toLicenseInput(values: ApplicationValues): StandardLicenseInput {
  return {
    productType: 'ALUMINUM',
    customsEntryNumber: values.customsEntryNumber.trim() || null,
    entryType: values.entryType,
    importerName: values.importerName,
    exporterName: values.exporterName,
    manufacturerNames: values.manufacturerNames
      .split('\n')
      .map((name) => name.trim())
      .filter(Boolean),
    countryOfOrigin: values.countryOfOrigin,
    countryOfExportation: values.countryOfExportation,
    portOfEntry: values.portOfEntry,
    expectedExportDate: values.expectedExportDate,
    expectedImportDate: values.expectedImportDate,
    products: values.products.map(productInput),
  };
}

const amount = (value: number) => String(value);

/**
 * A stored license as an application (LIC-10): modify edits it under its number; duplicate starts
 * a new one from it, without the entry number that belonged to the first entry.
 */
export function fromLicense(license: LicenseApplication, purpose: 'modify' | 'duplicate'): ApplicationValues {
  return {
    customsEntryNumber: purpose === 'modify' ? (license.customsEntryNumber ?? '') : '',
    entryType: license.entryType,
    importerName: license.importerName,
    exporterName: license.exporterName ?? '',
    manufacturerNames: license.manufacturerNames.join('\n'),
    countryOfOrigin: license.countryOfOrigin?.code ?? '',
    countryOfExportation: license.countryOfExportation?.code ?? '',
    portOfEntry: license.portOfEntry?.code ?? '',
    expectedExportDate: license.expectedExportDate ?? '',
    expectedImportDate: license.expectedImportDate ?? '',
    products: license.products.map((product) => ({
      htsCode: product.hts.code,
      largestSmelt: smeltValue(product.largestSmelt),
      secondSmelt: smeltValue(product.secondSmelt),
      mostRecentCast: product.mostRecentCast.code,
      volumeKg: amount(product.volumeKg),
      customsValueUsd: amount(product.customsValueUsd),
    })),
  };
}

/** The reference data the domain rules ask about, answered from what the form loaded (current codes only). */
export function licenseReference(data: LicenseReferenceData): LicenseReference {
  const htsCodes = new Map(data.htsCodes.map((hts) => [hts.code, hts]));
  const countries = new Set(data.countries.map((country) => country.code));
  const ports = new Set(data.ports.map((port) => port.code));
  return {
    hts(code) {
      const hts = htsCodes.get(code);
      return hts && { code: hts.code, productType: hts.productType, status: 'current', productGroupId: Number(hts.productGroup.id) };
    },
    isCountry: (code) => countries.has(code),
    isPort: (code) => ports.has(code),
  };
}
