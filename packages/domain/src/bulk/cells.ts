import { type CountryName, findCountry, suggestCountry } from '../license/countries.js';
import { isCalendarDate } from '../license/calendar.js';
import { ENTRY_TYPES, type EntryType, type SmeltInput } from '../license/types.js';
import { ENTRY_TYPE_WORDS, NOT_APPLICABLE_WORDS } from './columns.js';

// BULK-2: what a spreadsheet cell may hold and how leniently it is read. Spreadsheets come from
// brokers' own systems as often as from the template: dates as Excel dates or text, numbers with
// thousands separators, countries by name, alias or code (LIC-5), stray spaces everywhere.

/** A formula whose result the file does not hold: AIM never calculates one (BULK-3). */
export interface BulkFormula {
  formula: string;
}
/** A cell that shows an Excel error such as #N/A or #VALUE!. */
export interface BulkCellError {
  error: string;
}
/** A cell as the reader hands it over: a formula with a stored result arrives as that result. */
export type BulkCell = string | number | boolean | null | BulkFormula | BulkCellError;

export type Parsed<T> = { value: T } | { error: string };

const ok = <T>(value: T): Parsed<T> => ({ value });
const fail = <T>(error: string): Parsed<T> => ({ error });

/** Empty, or only spaces: the filer left the cell blank. */
export function isBlank(cell: BulkCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** A short quote of what the cell holds, for messages. */
export function quoteCell(cell: BulkCell): string {
  const text = typeof cell === 'object' && cell !== null ? ('formula' in cell ? `=${cell.formula}` : cell.error) : String(cell ?? '');
  const trimmed = text.trim();
  return `'${trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed}'`;
}

/** The cell's text, trimmed; numbers as written, so an Entry ID of 7 is '7'. */
export function readText(cell: BulkCell): Parsed<string> {
  if (cell === null) return ok('');
  if (typeof cell === 'object') {
    if ('formula' in cell) {
      return fail(
        `this cell holds a formula (=${cell.formula}) without a saved result, and AIM never calculates formulas. Type the value, or open the file in Excel and save it so that the result is stored.`,
      );
    }
    return fail(`the cell shows the error ${cell.error}. Type the value instead.`);
  }
  if (typeof cell === 'number') return ok(Number.isInteger(cell) ? cell.toFixed(0) : String(cell));
  if (typeof cell === 'boolean') return ok(cell ? 'TRUE' : 'FALSE');
  return ok(cell.replace(/\s+/g, ' ').trim());
}

const DAY_MS = 86_400_000;

/**
 * An Excel date serial: days since 1899-12-30, where Excel's invented 29 February 1900 (serial
 * 60) shifts serials before it by one; or days since 1904-01-01 in a workbook of the 1904 system.
 */
function excelSerialDate(serial: number, date1904: boolean): string | undefined {
  const days = Math.floor(serial);
  if (!Number.isFinite(serial) || days < 1 || days > 2_958_465) return undefined;
  if (date1904) return new Date(Date.UTC(1904, 0, 1) + days * DAY_MS).toISOString().slice(0, 10);
  if (days === 60) return undefined;
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + days * DAY_MS).toISOString().slice(0, 10);
}

const DATE_HELP = 'Use an Excel date, or write it as YYYY-MM-DD or MM/DD/YYYY.';

/** A calendar date 'YYYY-MM-DD' from an Excel date, ISO text or U.S. `MM/DD/YYYY`; '' when blank. */
export function readDate(cell: BulkCell, date1904 = false): Parsed<string> {
  if (typeof cell === 'number') {
    const date = excelSerialDate(cell, date1904);
    return date ? ok(date) : fail(`${cell} is not a date. ${DATE_HELP}`);
  }
  const text = readText(cell);
  if ('error' in text || text.value === '') return text;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text.value)?.[1];
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text.value);
  if (us && us[3]?.length === 2) return fail(`${quoteCell(cell)} has a 2-digit year. Write the year with 4 digits: MM/DD/YYYY.`);
  const date = iso ?? (us ? `${us[3]}-${us[1]?.padStart(2, '0')}-${us[2]?.padStart(2, '0')}` : undefined);
  if (date && isCalendarDate(date)) return ok(date);
  return fail(`${quoteCell(cell)} is not a date. ${DATE_HELP}`);
}

// 1,234,567.89 or 1234567.89; a currency sign or unit around it is what a person types.
const GROUPED_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * A number from a number cell or text with thousands separators ('24,000.50', '$65,280', '800 kg');
 * NaN when blank, so that the license rules say what is missing. Cents that floating point
 * arithmetic blurred in a formula's stored result (65280.10000000001) are read as the cents meant.
 */
export function readNumber(cell: BulkCell): Parsed<number> {
  if (typeof cell === 'number') {
    const cents = cell * 100;
    return ok(Math.abs(cents - Math.round(cents)) < 1e-6 ? Math.round(cents) / 100 : cell);
  }
  const text = readText(cell);
  if ('error' in text) return text;
  if (text.value === '') return ok(Number.NaN);
  const bare = text.value.replace(/^(?:US\$|\$|USD)\s*/i, '').replace(/\s*(?:USD|kgs?|kilograms?)$/i, '');
  if (!GROUPED_NUMBER.test(bare)) {
    return fail(`${quoteCell(cell)} is not a number. Write digits, with or without thousands separators (24,000.50).`);
  }
  return ok(Number(bare.replace(/,/g, '')));
}

/** Several manufacturers in one cell, separated by `;` (BULK-2). */
export function readManufacturers(cell: BulkCell): Parsed<string[]> {
  const text = readText(cell);
  if ('error' in text) return text;
  return ok(text.value.split(';').map((name) => name.trim()).filter((name) => name !== ''));
}

function notACountry(cell: BulkCell, countries: readonly CountryName[]): string {
  const suggestion = typeof cell === 'string' ? suggestCountry(cell, countries) : undefined;
  return suggestion
    ? `${quoteCell(cell)} is not a country; did you mean ${suggestion.name}?`
    : `${quoteCell(cell)} is not a country. Write the country's name as in the list, or its ISO code (CA for Canada).`;
}

/** LIC-5: a country by name, alias or ISO code, any case; the alpha-2 code, or '' when blank. */
export function readCountry(cell: BulkCell, countries: readonly CountryName[]): Parsed<string> {
  const text = readText(cell);
  if ('error' in text || text.value === '') return text;
  const code = findCountry(text.value, countries);
  return code ? ok(code) : fail(notACountry(cell, countries));
}

const NOT_APPLICABLE = /^(?:n\/a|n\.a\.|not applicable|none|-)$/i;
const UNKNOWN = /^unknown$/i;

/**
 * LIC-4 answers in a cell: Not applicable, Unknown, or a country. 'NA' is refused rather than
 * guessed: it is Namibia's code as much as short for Not applicable.
 */
export function readSmelt(cell: BulkCell, countries: readonly CountryName[]): Parsed<SmeltInput | null> {
  const text = readText(cell);
  if ('error' in text) return text;
  if (text.value === '') return ok(null);
  if (NOT_APPLICABLE.test(text.value)) return ok({ answer: 'NOT_APPLICABLE' });
  if (UNKNOWN.test(text.value)) return ok({ answer: 'UNKNOWN' });
  if (/^na$/i.test(text.value)) return fail(`'NA' could mean Namibia or ${NOT_APPLICABLE_WORDS}: write the one you mean in full.`);
  const code = findCountry(text.value, countries);
  return code ? ok({ answer: 'COUNTRY', country: code }) : fail(notACountry(cell, countries));
}

/**
 * The country of most recent cast. Not applicable and Unknown pass through as words, so that the
 * license rules give their own reason for refusing them (LIC-4).
 */
export function readCastCountry(cell: BulkCell, countries: readonly CountryName[]): Parsed<string> {
  const smelt = readSmelt(cell, countries);
  if ('error' in smelt) return smelt;
  if (smelt.value === null) return ok('');
  return ok(smelt.value.answer === 'COUNTRY' ? (smelt.value.country ?? '') : NOT_APPLICABLE_WORDS);
}

export interface PortName {
  code: string;
  name: string;
  state: string | null;
}

/** How the template's list writes a port: its code first, so that the upload can read it back. */
export function portLabel(port: PortName): string {
  return `${port.code} ${port.name}${port.state ? `, ${port.state}` : ''}`;
}

/** A CBP port by its 4-digit code (also as the first word of the list's label), or by its exact name. */
export function readPort(cell: BulkCell, ports: readonly PortName[]): Parsed<string> {
  const text = typeof cell === 'number' && Number.isInteger(cell) ? ok(String(cell).padStart(4, '0')) : readText(cell);
  if ('error' in text || text.value === '') return text;
  const code = /^(\d{4})(?:\s|$)/.exec(text.value)?.[1] ?? /\((\d{4})\)$/.exec(text.value)?.[1];
  if (code) return ok(code);
  const name = text.value.toLowerCase();
  const named = ports.filter((port) => port.name.toLowerCase() === name || portLabel(port).slice(5).toLowerCase() === name);
  if (named.length === 1 && named[0]) return ok(named[0].code);
  return fail(`${quoteCell(cell)} is not a CBP port we know. Choose the port from the list, or write its 4-digit code (3801 for Detroit).`);
}

/**
 * An HTS number as text. A number cell has lost its dots, and Excel drops trailing zeros of a
 * decimal (7601.1030 becomes 7601.103), so only a whole 10-digit number is taken.
 */
export function readHtsCode(cell: BulkCell): Parsed<string> {
  if (typeof cell === 'number' && !Number.isInteger(cell)) {
    return fail(
      `Excel stored ${cell} as a number and may have dropped digits. Format the column as text and type all 10 digits, like 7601.10.3000.`,
    );
  }
  return readText(cell);
}

const entryTypeByWords = new Map<string, EntryType>([
  ...ENTRY_TYPES.map((type) => [type.toLowerCase().replace(/_/g, ' '), type] as const),
  ...Object.entries(ENTRY_TYPE_WORDS).map(([type, words]) => [words.toLowerCase(), type as EntryType] as const),
  ['foreign trade zone admission', 'FOREIGN_TRADE_ZONE'],
  ['foreign-trade zone', 'FOREIGN_TRADE_ZONE'],
  ['foreign trade zone', 'FOREIGN_TRADE_ZONE'],
  ['ftz', 'FOREIGN_TRADE_ZONE'],
  ['warehouse withdrawal', 'WAREHOUSE_WITHDRAWAL'],
]);

/** The entry type by its words; a file without the column, or a blank cell, means consumption. */
export function readEntryType(cell: BulkCell): Parsed<EntryType> {
  const text = readText(cell);
  if ('error' in text) return text;
  if (text.value === '') return ok('CONSUMPTION');
  const type = entryTypeByWords.get(text.value.toLowerCase().replace(/_/g, ' '));
  return type
    ? ok(type)
    : fail(`${quoteCell(cell)} is not an entry type. Write ${Object.values(ENTRY_TYPE_WORDS).join(', ')}.`);
}
