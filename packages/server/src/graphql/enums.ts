import { registerEnumType } from 'type-graphql';

/** The contract's enums; values equal their names, and the database stores the same spellings. */
function contractEnum<const Values extends readonly string[]>(name: string, values: Values) {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as { [V in Values[number]]: V };
  registerEnumType(enumObject, { name });
  return enumObject;
}

export const ProductType = contractEnum('ProductType', ['ALUMINUM', 'STEEL']);
export type ProductType = keyof typeof ProductType;
export const LicenseKind = contractEnum('LicenseKind', ['STANDARD', 'LOW_VALUE']);
export type LicenseKind = keyof typeof LicenseKind;
export const LicenseStatus = contractEnum('LicenseStatus', ['SUBMITTED', 'CORRECTED', 'ACTION_REQUIRED', 'CANCELLED']);
export type LicenseStatus = keyof typeof LicenseStatus;
export const EntryType = contractEnum('EntryType', ['CONSUMPTION', 'FOREIGN_TRADE_ZONE', 'WAREHOUSE_WITHDRAWAL']);
export type EntryType = keyof typeof EntryType;
export const CompanyType = contractEnum('CompanyType', ['IMPORTER', 'CUSTOMS_BROKER', 'IMPORTER_AGENT']);
export type CompanyType = keyof typeof CompanyType;
export const Role = contractEnum('Role', ['FILER', 'ANALYST']);
export type Role = keyof typeof Role;
export const SmeltAnswer = contractEnum('SmeltAnswer', ['COUNTRY', 'NOT_APPLICABLE', 'UNKNOWN']);
export type SmeltAnswer = keyof typeof SmeltAnswer;
export const DataSource = contractEnum('DataSource', ['LICENSE', 'CENSUS']);
export type DataSource = keyof typeof DataSource;
export const Dimension = contractEnum('Dimension', [
  'MONTH',
  'YEAR',
  'PRODUCT_GROUP',
  'HTS6',
  'HTS10',
  'COUNTRY_OF_ORIGIN',
  'COUNTRY_OF_EXPORTATION',
  'LARGEST_SMELT',
  'SECOND_SMELT',
  'MOST_RECENT_CAST',
  'SOURCE',
]);
export type Dimension = keyof typeof Dimension;
export const SortOrder = contractEnum('SortOrder', ['ASC', 'DESC']);
export type SortOrder = keyof typeof SortOrder;
