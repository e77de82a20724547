import { describe, expect, it } from 'vitest';
import type { CountryName } from '../license/countries.js';
import type { ProductType } from '../license/types.js';
import { type BulkReference, type BulkRow, checkBulkEntry, isBulkHeaderRow, readBulkSheet } from './bulk-file.js';
import type { BulkCell } from './cells.js';
import { BULK_COLUMNS } from './columns.js';

const hts: Record<string, { productType: ProductType; productGroupId: number }> = {
  '7601103000': { productType: 'ALUMINUM', productGroupId: 1 },
  '7604101000': { productType: 'ALUMINUM', productGroupId: 3 },
};
const countries: CountryName[] = [
  { code: 'CA', name: 'Canada' },
  { code: 'NO', name: 'Norway' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'KR', name: 'Korea, Republic of' },
  { code: 'NA', name: 'Namibia' },
  { code: 'US', name: 'United States' },
];
const reference: BulkReference = {
  hts: (code) => {
    const entry = hts[code];
    return entry && { code, status: 'current', ...entry };
  },
  isCountry: (code) => countries.some((country) => country.code === code),
  isPort: (code) => code === '3801' || code === '0901',
  countries,
  ports: [
    { code: '3801', name: 'DETROIT', state: 'MI' },
    { code: '0901', name: 'BUFFALO-NIAGARA FALLS', state: 'NY' },
  ],
};
const applicationDate = '2026-03-10';
const HEADINGS = BULK_COLUMNS.map((column) => column.header);

/** A valid product row of Entry ID `id`, in the template's column order, with `changes` by heading. */
function row(id: BulkCell, changes: Record<string, BulkCell> = {}): BulkCell[] {
  const values: Record<string, BulkCell> = {
    'Entry ID': id,
    'Customs Entry #': null,
    'Importer Name': 'Great Lakes Metals LLC',
    'Exporter Name': 'Laurentian Aluminium Inc.',
    Manufacturer: 'Laurentian Aluminium Inc.; Alouette Aluminium',
    'Country of Origin': 'Canada',
    'Country of Exportation': 'CA',
    'Expected Port of Entry': '3801 DETROIT, MI',
    'Expected Date of Export': '2026-03-28',
    'Expected Date of Import': '04/01/2026',
    'HTS Number': '7601.10.3000',
    'Country of Largest Smelt': 'canada',
    'Country of Second Largest Smelt': 'Not applicable',
    'Country of Most Recent Cast': 'CAN',
    'Volume (kg)': '20,000',
    'Customs Value (USD)': 53_000,
    ...changes,
  };
  return HEADINGS.map((heading) => values[heading] ?? null);
}

function sheet(...rows: BulkCell[][]): { rows: BulkRow[] } {
  return { rows: [HEADINGS, ...rows].map((cells, index) => ({ row: index + 1, cells })) };
}

function check(rows: BulkRow[]) {
  const read = readBulkSheet({ rows }, reference);
  return { ...read, checked: read.entries.map((entry) => checkBulkEntry(entry, reference, applicationDate)) };
}

describe('BULK-2 reading a sheet of licenses', () => {
  it('groups rows by Entry ID into licenses with several products, in the order of the file', () => {
    const { errors, checked, entries } = check(sheet(row('A'), row(7, { 'HTS Number': '7604101000' }), row('A', { 'Volume (kg)': 5 })).rows);
    expect(errors).toEqual([]);
    expect(entries.map((entry) => [entry.entryId, entry.rows])).toEqual([
      ['A', [2, 4]],
      ['7', [3]],
    ]);
    const [first] = checked;
    expect(first?.ok && first.license.products.map((product) => product.volumeKg)).toEqual([20_000, 5]);
    expect(first?.ok && first.license.manufacturerNames).toEqual(['Laurentian Aluminium Inc.', 'Alouette Aluminium']);
  });

  it('reads LIC-5 countries by name, alias or ISO code, dates as Excel dates, ISO or MM/DD/YYYY, numbers with separators', () => {
    const { checked } = check(
      sheet(
        row('A', {
          'Country of Origin': ' united kingdom  ',
          'Country of Exportation': 'UK',
          'Country of Largest Smelt': 'South Korea',
          'Country of Second Largest Smelt': 'nor',
          'Country of Most Recent Cast': 'gb',
          // 46109 is 2026-03-28 in Excel's 1900 date system.
          'Expected Date of Export': 46109,
          'Expected Date of Import': '2026-04-01T00:00:00Z',
          'Volume (kg)': '1,234,567.5 kg',
          'Customs Value (USD)': '$65,280.10',
          'Expected Port of Entry': 901,
        }),
      ).rows,
    );
    const [result] = checked;
    if (!result?.ok) throw new Error(JSON.stringify(result));
    const license = result.license;
    expect([license.countryOfOrigin, license.countryOfExportation, license.portOfEntry]).toEqual(['GB', 'GB', '0901']);
    expect([license.expectedExportDate, license.expectedImportDate]).toEqual(['2026-03-28', '2026-04-01']);
    expect(license.products[0]).toMatchObject({
      largestSmelt: { answer: 'COUNTRY', country: 'KR' },
      secondSmelt: { answer: 'COUNTRY', country: 'NO' },
      mostRecentCast: 'GB',
      volumeKg: 1_234_567.5,
      customsValueCents: 6_528_010,
    });
  });

  it('reports a misspelt country in the filer\'s words with a suggestion, at its Excel row and column', () => {
    const { checked } = check(sheet(row('A'), row('B', { 'Country of Largest Smelt': 'Canda' })).rows);
    expect(checked[1]).toEqual({
      ok: false,
      errors: [{ row: 3, column: 'Country of Largest Smelt', message: "Country of Largest Smelt: 'Canda' is not a country; did you mean Canada?" }],
    });
  });

  it('places the license rules\' errors (X-1 paths) at the row of the product and the template\'s column', () => {
    const { checked } = check(sheet(row('A'), row('A', { 'Volume (kg)': 0, 'Country of Second Largest Smelt': 'Canada' })).rows);
    expect(checked[0]?.ok === false && checked[0].errors.map((error) => [error.row, error.column])).toEqual([
      [3, 'Country of Second Largest Smelt'],
      [3, 'Volume (kg)'],
    ]);
  });

  it('reports one error per cell: a cell that cannot be read, not what the rules make of it', () => {
    const { checked } = check(sheet(row('A', { 'Expected Date of Import': '31/12/26', 'Volume (kg)': 'twenty' })).rows);
    expect(checked[0]?.ok === false && checked[0].errors.map((error) => error.message)).toEqual([
      "Expected Date of Import: '31/12/26' has a 2-digit year. Write the year with 4 digits: MM/DD/YYYY.",
      "Volume (kg): 'twenty' is not a number. Write digits, with or without thousands separators (24,000.50).",
    ]);
  });

  it('LIC-3: later rows of an Entry ID may leave header cells blank (merged cells), but may not differ', () => {
    const { checked } = check(
      sheet(row('A'), row('A', { 'Importer Name': null, 'Country of Origin': '' }), row('A', { 'Importer Name': 'Other Metals Inc.' })).rows,
    );
    expect(checked[0]?.ok === false && checked[0].errors).toEqual([
      expect.objectContaining({ row: 4, column: 'Importer Name', message: expect.stringContaining("where row 2 of Entry ID A says 'Great Lakes Metals LLC'") }),
    ]);
  });

  it('BULK-3 never calculates a formula: one without a stored result is refused, an error value too', () => {
    const { checked } = check(sheet(row('A', { 'Volume (kg)': { formula: 'B2*1000' }, 'Customs Value (USD)': { error: '#N/A' } })).rows);
    expect(checked[0]?.ok === false && checked[0].errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^Volume \(kg\): this cell holds a formula \(=B2\*1000\) without a saved result, and AIM never calculates formulas/),
      'Customs Value (USD): the cell shows the error #N/A. Type the value instead.',
    ]);
  });

  it('refuses NA in a smelt column rather than guess Namibia or Not applicable', () => {
    const { checked } = check(sheet(row('A', { 'Country of Second Largest Smelt': 'NA' })).rows);
    expect(checked[0]?.ok === false && checked[0].errors[0]?.message).toMatch(/'NA' could mean Namibia or Not applicable/);
  });

  it('finds columns by heading in any order and case; names each missing heading', () => {
    const [, ...reordered] = sheet(row('A')).rows;
    const headings = [...HEADINGS].reverse().map((heading) => heading.toUpperCase());
    const reversed = [{ row: 1, cells: headings }, ...reordered.map((each) => ({ ...each, cells: [...each.cells].reverse() }))];
    expect(check(reversed).checked[0]?.ok).toBe(true);

    const missing = readBulkSheet({ rows: [{ row: 1, cells: HEADINGS.filter((heading) => !heading.startsWith('Country of O')) }] }, reference);
    expect(missing.errors).toEqual([{ row: 1, column: 'Country of Origin', message: expect.stringContaining("row 1 has no 'Country of Origin' heading") }]);
  });

  it('says so when the sheet has no heading row, or no licenses under it', () => {
    expect(readBulkSheet({ rows: [{ row: 3, cells: HEADINGS }] }, reference).errors[0]?.message).toMatch(/row 1 must hold the template's headings/);
    expect(readBulkSheet({ rows: [] }, reference).errors).toHaveLength(1);
    expect(readBulkSheet(sheet(), reference).errors).toEqual([{ row: 2, column: 'Entry ID', message: expect.stringContaining('no licenses') }]);
    expect(readBulkSheet(sheet(row(null)), reference).errors[0]).toMatchObject({ row: 2, column: 'Entry ID' });
    expect(isBulkHeaderRow(HEADINGS)).toBe(true);
    expect(isBulkHeaderRow(['Instructions'])).toBe(false);
  });

  it('ignores blank rows and columns it does not know', () => {
    const rows = sheet(row('A'), HEADINGS.map(() => '  '), row('B')).rows.map((each) => ({ ...each, cells: [...each.cells, 'a note'] }));
    const { errors, entries } = check(rows);
    expect(errors).toEqual([]);
    expect(entries.map((entry) => entry.rows)).toEqual([[2], [4]]);
  });

  it('reads the optional Entry Type column; without it licenses are for consumption', () => {
    const rows = sheet(row('A'), row('B')).rows.map((each) => ({ ...each, cells: [...each.cells, each.row === 1 ? 'Entry Type' : each.row === 2 ? 'Foreign-trade zone admission' : 'ftz'] }));
    const { checked } = check(rows);
    expect(checked.map((result) => result.ok && result.license.entryType)).toEqual(['FOREIGN_TRADE_ZONE', 'FOREIGN_TRADE_ZONE']);
    expect(check(sheet(row('A')).rows).checked[0]).toMatchObject({ ok: true, license: { entryType: 'CONSUMPTION' } });
  });
});
