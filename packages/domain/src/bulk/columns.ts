// BULK-1: the template's columns, shared by the template the server builds, the upload that reads
// it back, and the licensing app's page that explains them.

export interface BulkColumn {
  key: BulkColumnKey;
  /** The heading in row 1, as SPEC BULK-1 spells it; the upload finds columns by it, in any order. */
  header: string;
  /** The note on the heading, in a filer's words. */
  note: string;
}

export const BULK_COLUMN_KEYS = [
  'entryId',
  'customsEntryNumber',
  'importerName',
  'exporterName',
  'manufacturerNames',
  'countryOfOrigin',
  'countryOfExportation',
  'portOfEntry',
  'expectedExportDate',
  'expectedImportDate',
  'htsCode',
  'largestSmelt',
  'secondSmelt',
  'mostRecentCast',
  'volumeKg',
  'customsValueUsd',
  'entryType',
] as const;
export type BulkColumnKey = (typeof BULK_COLUMN_KEYS)[number];

/** The 16 columns of SPEC BULK-1, in the template's order. */
export const BULK_COLUMNS: readonly BulkColumn[] = [
  { key: 'entryId', header: 'Entry ID', note: 'Required. Your own label for one license: rows with the same Entry ID form one license with several products.' },
  { key: 'customsEntryNumber', header: 'Customs Entry #', note: 'Optional. The CBP entry number, like ABC-1234567-8, if the entry has one yet.' },
  { key: 'importerName', header: 'Importer Name', note: 'Required. The importer of record.' },
  { key: 'exporterName', header: 'Exporter Name', note: 'Required.' },
  { key: 'manufacturerNames', header: 'Manufacturer', note: 'Required. Several manufacturers: separate them with ; (semicolon). Unknown is accepted.' },
  { key: 'countryOfOrigin', header: 'Country of Origin', note: 'Required. A country from the list, its ISO code (CA) or a common name (UK, South Korea).' },
  { key: 'countryOfExportation', header: 'Country of Exportation', note: 'Required. A country from the list, its ISO code or a common name.' },
  { key: 'portOfEntry', header: 'Expected Port of Entry', note: 'Required. A port from the list, or its 4-digit CBP code (3801 for Detroit).' },
  { key: 'expectedExportDate', header: 'Expected Date of Export', note: 'Required. An Excel date, or text as YYYY-MM-DD or MM/DD/YYYY.' },
  { key: 'expectedImportDate', header: 'Expected Date of Import', note: 'Required. At most 60 days from today. An Excel date, or text as YYYY-MM-DD or MM/DD/YYYY.' },
  { key: 'htsCode', header: 'HTS Number', note: 'Required. The 10-digit HTS number, like 7601.10.3000: one of the codes on the HTS codes sheet.' },
  { key: 'largestSmelt', header: 'Country of Largest Smelt', note: 'Required. A country, or Not applicable when the product holds only recycled aluminum.' },
  { key: 'secondSmelt', header: 'Country of Second Largest Smelt', note: 'Required. Another country, or Not applicable when there is no second source (always when the largest is Not applicable).' },
  { key: 'mostRecentCast', header: 'Country of Most Recent Cast', note: 'Required. Always a real country.' },
  { key: 'volumeKg', header: 'Volume (kg)', note: 'Required. Net kilograms, more than 0. Thousands separators are fine.' },
  { key: 'customsValueUsd', header: 'Customs Value (USD)', note: 'Required. U.S. dollars and cents, more than 0. Thousands separators are fine.' },
];

/**
 * Not one of BULK-1's 16: without it every license of the file is for consumption. A filer who
 * files foreign-trade zone admissions or warehouse withdrawals adds a column with this heading.
 */
export const ENTRY_TYPE_COLUMN: BulkColumn = {
  key: 'entryType',
  header: 'Entry Type',
  note: 'Optional. Consumption (when left out), Foreign-trade zone admission, or Warehouse withdrawal for consumption.',
};

/** How entry types are written in a file: the contract's value by its words. */
export const ENTRY_TYPE_WORDS = {
  CONSUMPTION: 'Consumption',
  FOREIGN_TRADE_ZONE: 'Foreign-trade zone admission',
  WAREHOUSE_WITHDRAWAL: 'Warehouse withdrawal for consumption',
} as const;

/** The answer for a smelt country when there is none to name (LIC-4), as the template's list writes it. */
export const NOT_APPLICABLE_WORDS = 'Not applicable';

const byHeading = new Map([...BULK_COLUMNS, ENTRY_TYPE_COLUMN].map((column) => [headingKey(column.header), column]));

/** Headings compare without case, extra spaces or a trailing required-marker `*`. */
function headingKey(text: string): string {
  return text.trim().replace(/\s*\*$/, '').replace(/\s+/g, ' ').toLowerCase();
}

/** The template column a heading names, if any. */
export function bulkColumnByHeading(text: string): BulkColumn | undefined {
  return byHeading.get(headingKey(text));
}
