/** The license's inputs (as the GraphQL contract names them) and its normalized, computed form. */

export const PRODUCT_TYPES = ['ALUMINUM', 'STEEL'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const ENTRY_TYPES = ['CONSUMPTION', 'FOREIGN_TRADE_ZONE', 'WAREHOUSE_WITHDRAWAL'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export const SMELT_ANSWERS = ['COUNTRY', 'NOT_APPLICABLE', 'UNKNOWN'] as const;
export type SmeltAnswer = (typeof SMELT_ANSWERS)[number];

/** LIC-1: the header fields a standard license's products share (LIC-3), in the form's order. */
export const LICENSE_HEADER_FIELDS = [
  'customsEntryNumber',
  'entryType',
  'importerName',
  'exporterName',
  'manufacturerNames',
  'countryOfOrigin',
  'countryOfExportation',
  'portOfEntry',
  'expectedExportDate',
  'expectedImportDate',
] as const;

export interface SmeltInput {
  answer: SmeltAnswer;
  country?: string | null;
}

export interface LicenseProductInput {
  htsCode: string;
  largestSmelt: SmeltInput;
  secondSmelt: SmeltInput;
  mostRecentCast: string;
  volumeKg: number;
  customsValueUsd: number;
}

export interface StandardLicenseInput {
  productType: ProductType;
  customsEntryNumber?: string | null;
  entryType: EntryType;
  importerName: string;
  exporterName: string;
  manufacturerNames: string[];
  countryOfOrigin: string;
  countryOfExportation: string;
  portOfEntry: string;
  /** 'YYYY-MM-DD' */
  expectedExportDate: string;
  /** 'YYYY-MM-DD' */
  expectedImportDate: string;
  products: LicenseProductInput[];
}

export interface LowValueLicenseInput {
  productType: ProductType;
  importerName: string;
}

/** What the rules need to know of the reference data; the server answers from memory, the form from the API. */
export interface LicenseReference {
  hts(code10: string):
    | { code: string; productType: ProductType; status: 'current' | 'historical'; productGroupId: number }
    | undefined;
  isCountry(alpha2: string): boolean;
  isPort(code: string): boolean;
}

export interface Smelt {
  answer: SmeltAnswer;
  country: string | null;
}

export interface LicenseProduct {
  /** 1-based, the order the filer gave */
  line: number;
  /** 10 digits, no dots */
  htsCode: string;
  productGroupId: number;
  largestSmelt: Smelt;
  secondSmelt: Smelt;
  mostRecentCast: string;
  volumeKg: number;
  customsValueCents: number;
  unitValueUsdPerKg: number;
}

/** A valid license, normalized: trimmed text, upper-case codes, money in integer cents, dates computed. */
export interface StandardLicense {
  productType: ProductType;
  customsEntryNumber: string | null;
  entryType: EntryType;
  importerName: string;
  exporterName: string;
  manufacturerNames: string[];
  countryOfOrigin: string;
  countryOfExportation: string;
  portOfEntry: string;
  expectedExportDate: string;
  expectedImportDate: string;
  applicationDate: string;
  validFrom: string;
  validThrough: string | null;
  products: LicenseProduct[];
  totalVolumeKg: number;
  totalCustomsValueCents: number;
}

export interface LowValueLicense {
  productType: ProductType;
  importerName: string;
  applicationDate: string;
  validFrom: string;
  validThrough: string | null;
}

export function isProductType(value: unknown): value is ProductType {
  return (PRODUCT_TYPES as readonly unknown[]).includes(value);
}

export function isEntryType(value: unknown): value is EntryType {
  return (ENTRY_TYPES as readonly unknown[]).includes(value);
}

export function isSmeltAnswer(value: unknown): value is SmeltAnswer {
  return (SMELT_ANSWERS as readonly unknown[]).includes(value);
}
