import type { FieldError } from '../field-error.js';
import type { CountryName } from '../license/countries.js';
import { checkStandardLicense } from '../license/standard-license.js';
import { LICENSE_HEADER_FIELDS, type LicenseProductInput, type LicenseReference, type SmeltInput, type StandardLicense, type StandardLicenseInput } from '../license/types.js';
import {
  type BulkCell,
  type Parsed,
  type PortName,
  isBlank,
  quoteCell,
  readCastCountry,
  readCountry,
  readDate,
  readEntryType,
  readHtsCode,
  readManufacturers,
  readNumber,
  readPort,
  readSmelt,
  readText,
} from './cells.js';
import { BULK_COLUMNS, type BulkColumnKey, ENTRY_TYPE_COLUMN, bulkColumnByHeading } from './columns.js';

// BULK-2: a sheet of rows becomes licenses. Rows sharing an Entry ID form one license (LIC-3);
// every row goes through the same rules as the form (checkStandardLicense), and every error is
// reported at its Excel row and template column, in a filer's words.

/** One row of a sheet: its Excel row number (the header is row 1) and its cells from column A on. */
export interface BulkRow {
  row: number;
  cells: readonly BulkCell[];
}

export interface BulkSheet {
  /** The rows that hold anything, in order, the header first. */
  rows: readonly BulkRow[];
  /** The workbook counts dates from 1904 (an old Mac Excel setting). */
  date1904?: boolean;
}

export interface BulkRowError {
  row: number;
  /** The template's heading of the column. */
  column: string;
  message: string;
}

/** What reading a file needs besides the license rules: countries by name (LIC-5) and ports by name. */
export interface BulkReference extends LicenseReference {
  countries: readonly CountryName[];
  ports: readonly PortName[];
}

export const bulkPolicy = {
  /** An Entry ID is the filer's own label; longer than this it is not a label. */
  maxEntryIdLength: 100,
  /** A file with thousands of errors has one mistake repeated: the first ones show it. */
  maxReportedErrors: 1000,
} as const;

const HEADER_KEYS = LICENSE_HEADER_FIELDS;
type HeaderKey = (typeof HEADER_KEYS)[number];
type HeaderValue = string | string[];

/** A license as read from its rows, before the license rules. */
export interface BulkEntry {
  entryId: string;
  /** The Excel rows of its products, in order. */
  rows: number[];
  input: StandardLicenseInput;
  /** The row each header value was read from (the entry's first row when none gave it). */
  headerRows: Partial<Record<HeaderKey, number>>;
  /** Cells that could not be read at all. */
  errors: BulkRowError[];
}

const headingOf = new Map([...BULK_COLUMNS, ENTRY_TYPE_COLUMN].map((column) => [column.key, column.header]));
const heading = (key: BulkColumnKey) => headingOf.get(key) ?? key;

function rowError(row: number, key: BulkColumnKey, message: string): BulkRowError {
  return { row, column: heading(key), message: `${heading(key)}: ${message}` };
}

/** Whether a row is the template's heading row: the sheet to read is the one that has it in row 1. */
export function isBulkHeaderRow(cells: readonly BulkCell[]): boolean {
  return cells.some((cell) => typeof cell === 'string' && bulkColumnByHeading(cell)?.key === 'entryId');
}

type Columns = Map<BulkColumnKey, number>;

function readHeader(header: BulkRow | undefined): { columns: Columns; errors: BulkRowError[] } {
  const columns: Columns = new Map();
  const errors: BulkRowError[] = [];
  header?.cells.forEach((cell, index) => {
    const column = typeof cell === 'string' ? bulkColumnByHeading(cell) : undefined;
    if (!column) return;
    if (columns.has(column.key)) errors.push(rowError(1, column.key, `row 1 has this heading twice. Keep one column of each.`));
    else columns.set(column.key, index);
  });
  if (header?.row !== 1 || columns.size === 0) {
    const headings = BULK_COLUMNS.map((column) => column.header).join(', ');
    return {
      columns,
      errors: [rowError(1, 'entryId', `row 1 must hold the template's headings (${headings}). Download the template and paste your rows under its headings.`)],
    };
  }
  for (const column of BULK_COLUMNS) {
    if (!columns.has(column.key)) {
      errors.push(rowError(1, column.key, `row 1 has no '${column.header}' heading. Keep the template's headings in row 1; the columns may be in any order.`));
    }
  }
  return { columns, errors };
}

function sameValue(a: HeaderValue, b: HeaderValue): boolean {
  const key = (value: HeaderValue) => (Array.isArray(value) ? value.join(';') : value).toLowerCase();
  return key(a) === key(b);
}

function shown(value: HeaderValue): string {
  return Array.isArray(value) ? value.join('; ') : value;
}

/**
 * Reads the sheet into licenses, one per Entry ID in the order they first appear. Header columns
 * may be left blank on an entry's later rows (a merged cell reads that way); where given they must
 * match, since a difference needs a separate license (LIC-3). `errors` are the file's own (headings,
 * blank Entry IDs); each entry carries the errors of its cells.
 */
export function readBulkSheet(sheet: BulkSheet, reference: BulkReference): { entries: BulkEntry[]; errors: BulkRowError[] } {
  const [header, ...rows] = sheet.rows;
  const { columns, errors } = readHeader(header);
  if (errors.length > 0) return { entries: [], errors };

  const cellOf = (row: BulkRow, key: BulkColumnKey): BulkCell => {
    const index = columns.get(key);
    return index === undefined ? null : (row.cells[index] ?? null);
  };
  const headerReaders: Record<HeaderKey, (cell: BulkCell) => Parsed<HeaderValue>> = {
    customsEntryNumber: readText,
    entryType: readEntryType,
    importerName: readText,
    exporterName: readText,
    manufacturerNames: readManufacturers,
    countryOfOrigin: (cell) => readCountry(cell, reference.countries),
    countryOfExportation: (cell) => readCountry(cell, reference.countries),
    portOfEntry: (cell) => readPort(cell, reference.ports),
    expectedExportDate: (cell) => readDate(cell, sheet.date1904),
    expectedImportDate: (cell) => readDate(cell, sheet.date1904),
  };

  interface Reading {
    entry: BulkEntry;
    header: Partial<Record<HeaderKey, HeaderValue>>;
  }
  const readings = new Map<string, Reading>();
  for (const row of rows) {
    if ([...columns.values()].every((index) => isBlank(row.cells[index] ?? null))) continue;
    const id = readText(cellOf(row, 'entryId'));
    if ('error' in id) {
      errors.push(rowError(row.row, 'entryId', id.error));
      continue;
    }
    if (id.value === '') {
      errors.push(rowError(row.row, 'entryId', 'give every row an Entry ID; rows with the same Entry ID form one license.'));
      continue;
    }
    if (id.value.length > bulkPolicy.maxEntryIdLength) {
      errors.push(rowError(row.row, 'entryId', `an Entry ID is at most ${bulkPolicy.maxEntryIdLength} characters.`));
      continue;
    }
    let reading = readings.get(id.value);
    if (!reading) {
      reading = { entry: { entryId: id.value, rows: [], input: emptyInput(), headerRows: {}, errors: [] }, header: {} };
      readings.set(id.value, reading);
    }
    const { entry } = reading;
    entry.rows.push(row.row);

    for (const key of HEADER_KEYS) {
      const cell = cellOf(row, key);
      if (isBlank(cell)) continue;
      const parsed = headerReaders[key](cell);
      if ('error' in parsed) {
        entry.errors.push(rowError(row.row, key, parsed.error));
        continue;
      }
      const first = reading.header[key];
      const firstRow = entry.headerRows[key];
      if (first === undefined || firstRow === undefined) {
        reading.header[key] = parsed.value;
        entry.headerRows[key] = row.row;
      } else if (!sameValue(first, parsed.value)) {
        entry.errors.push(
          rowError(
            row.row,
            key,
            `this row says ${quoteCell(shown(parsed.value))} where row ${firstRow} of Entry ID ${entry.entryId} says ${quoteCell(shown(first))}. The rows of one license share ${heading(key)}; give this row another Entry ID if it is another license.`,
          ),
        );
      }
    }
    entry.input.products.push(readProduct(row, entry, (key) => cellOf(row, key), reference));
  }

  const entries = [...readings.values()].map(({ entry, header }) => {
    const text = (key: Exclude<HeaderKey, 'manufacturerNames' | 'entryType'>) => {
      const value = header[key];
      return typeof value === 'string' ? value : '';
    };
    const manufacturers = header.manufacturerNames;
    const entryType = readEntryType(typeof header.entryType === 'string' ? header.entryType : null);
    entry.input = {
      ...entry.input,
      customsEntryNumber: text('customsEntryNumber') || null,
      entryType: 'value' in entryType ? entryType.value : 'CONSUMPTION',
      importerName: text('importerName'),
      exporterName: text('exporterName'),
      manufacturerNames: Array.isArray(manufacturers) ? manufacturers : [],
      countryOfOrigin: text('countryOfOrigin'),
      countryOfExportation: text('countryOfExportation'),
      portOfEntry: text('portOfEntry'),
      expectedExportDate: text('expectedExportDate'),
      expectedImportDate: text('expectedImportDate'),
    };
    return entry;
  });
  if (entries.length === 0 && errors.length === 0) {
    errors.push(rowError(2, 'entryId', 'the sheet has no licenses under its headings. Add one row per product, from row 2 on.'));
  }
  return { entries, errors };
}

function emptyInput(): StandardLicenseInput {
  return {
    productType: 'ALUMINUM',
    customsEntryNumber: null,
    entryType: 'CONSUMPTION',
    importerName: '',
    exporterName: '',
    manufacturerNames: [],
    countryOfOrigin: '',
    countryOfExportation: '',
    portOfEntry: '',
    expectedExportDate: '',
    expectedImportDate: '',
    products: [],
  };
}

// A cell that could not be read stands in as an answer the rules refuse at that same cell, whose
// read error is the one reported; Unknown draws no cross-field error from the other smelt answer.
const UNREAD_SMELT: SmeltInput = { answer: 'UNKNOWN' };

function readProduct(
  row: BulkRow,
  entry: BulkEntry,
  cell: (key: BulkColumnKey) => BulkCell,
  reference: BulkReference,
): LicenseProductInput {
  function value<T>(key: BulkColumnKey, parsed: Parsed<T>, unread: T): T {
    if ('value' in parsed) return parsed.value;
    entry.errors.push(rowError(row.row, key, parsed.error));
    return unread;
  }
  const smelt = (key: 'largestSmelt' | 'secondSmelt') => {
    const answer = value(key, readSmelt(cell(key), reference.countries), UNREAD_SMELT);
    if (answer !== null) return answer;
    entry.errors.push(rowError(row.row, key, `choose a country, or ${key === 'largestSmelt' ? 'Not applicable when the product holds only recycled aluminum' : 'Not applicable when there is no second source'}.`));
    return UNREAD_SMELT;
  };
  return {
    htsCode: value('htsCode', readHtsCode(cell('htsCode')), ''),
    largestSmelt: smelt('largestSmelt'),
    secondSmelt: smelt('secondSmelt'),
    mostRecentCast: value('mostRecentCast', readCastCountry(cell('mostRecentCast'), reference.countries), ''),
    volumeKg: value('volumeKg', readNumber(cell('volumeKg')), Number.NaN),
    customsValueUsd: value('customsValueUsd', readNumber(cell('customsValueUsd')), Number.NaN),
  };
}

const PRODUCT_KEYS = new Set<string>(['htsCode', 'largestSmelt', 'secondSmelt', 'mostRecentCast', 'volumeKg', 'customsValueUsd']);

/** Where a license rule's field path stands in the file. */
function cellOfPath(entry: BulkEntry, path: string): { row: number; key: BulkColumnKey } {
  const firstRow = entry.rows[0] ?? 2;
  const [head, index, field] = path.split('.');
  if (head === 'products' && index !== undefined && field !== undefined && PRODUCT_KEYS.has(field)) {
    return { row: entry.rows[Number(index)] ?? firstRow, key: field as BulkColumnKey };
  }
  const header = HEADER_KEYS.find((key) => key === head);
  if (header) return { row: entry.headerRows[header] ?? firstRow, key: header };
  return { row: firstRow, key: 'entryId' };
}

/** Where a field path of a license (an error's or an anomaly flag's, X-1) stands in the file. */
export function bulkCellOfPath(entry: BulkEntry, path: string): { row: number; column: string } {
  const { row, key } = cellOfPath(entry, path);
  return { row, column: heading(key) };
}

/**
 * LIC-1..LIC-14 for one license of the file, on `applicationDate`: the license as it will be
 * stored, or every error at its row and column, one per cell (a cell that could not be read
 * reports that, not what the rules then made of it).
 */
export function checkBulkEntry(
  entry: BulkEntry,
  reference: LicenseReference,
  applicationDate: string,
): { ok: true; license: StandardLicense } | { ok: false; errors: BulkRowError[] } {
  const checked = checkStandardLicense(entry.input, reference, applicationDate);
  if (checked.ok && entry.errors.length === 0) return { ok: true, license: checked.license };
  const errors = [...entry.errors];
  const taken = new Set(errors.map((error) => `${error.row}\u0000${error.column}`));
  const ruleErrors: FieldError[] = checked.ok ? [] : checked.errors;
  for (const error of ruleErrors) {
    const { row, key } = cellOfPath(entry, error.path);
    const located = rowError(row, key, error.message);
    const place = `${row}\u0000${located.column}`;
    if (taken.has(place)) continue;
    taken.add(place);
    errors.push(located);
  }
  return { ok: false, errors };
}

/** Errors in reading order: by row, then by the template's column order. */
export function sortBulkErrors(errors: BulkRowError[]): BulkRowError[] {
  const order = new Map([...BULK_COLUMNS, ENTRY_TYPE_COLUMN].map((column, index) => [column.header, index]));
  return errors.sort((a, b) => a.row - b.row || (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0));
}
