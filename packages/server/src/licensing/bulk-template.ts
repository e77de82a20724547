import {
  BULK_COLUMNS,
  type BulkColumnKey,
  ENTRY_TYPE_COLUMN,
  ENTRY_TYPE_WORDS,
  NOT_APPLICABLE_WORDS,
  addDays,
  licensePolicy,
  portLabel,
} from '@aim/domain';
import ExcelJS from 'exceljs';
import type { ReferenceData } from '../reference/reference-data.js';

// BULK-1: the aluminum template. Its sheet of licenses is the first sheet, so the upload finds it
// first; the lists its drop-downs use live on a hidden sheet, since Excel caps a list typed into a
// validation at 255 characters and there are about 250 countries and 300 ports.

export const LICENSES_SHEET = 'Licenses';
const LISTS_SHEET = 'Lists';
const HTS_SHEET = 'HTS codes';

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

// exceljs 4.4 adds a validation to a whole range through `worksheet.dataValidations`, which its
// type declarations leave out.
function dataValidations(sheet: ExcelJS.Worksheet): DataValidations {
  const validations: unknown = Reflect.get(sheet, 'dataValidations');
  if (typeof validations !== 'object' || validations === null || typeof Reflect.get(validations, 'add') !== 'function') {
    throw new Error('exceljs has no worksheet.dataValidations.add');
  }
  return validations as DataValidations;
}

const widths: Partial<Record<BulkColumnKey, number>> = { importerName: 30, exporterName: 30, manufacturerNames: 34, portOfEntry: 28 };
const TEXT_COLUMNS: ReadonlySet<BulkColumnKey> = new Set(['entryId', 'customsEntryNumber', 'htsCode']);
const DATE_FORMAT = 'mm/dd/yyyy';

function columnLetter(key: BulkColumnKey): string {
  const index = BULK_COLUMNS.findIndex((column) => column.key === key);
  return String.fromCharCode('A'.charCodeAt(0) + index);
}

/** A calendar date as Excel stores it: exceljs writes a Date at UTC midnight as that day's serial. */
function excelDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function instructions(maxRows: number): string[] {
  return [
    'How to apply for many aluminum import licenses at once',
    '',
    `1. On the ${LICENSES_SHEET} sheet, write one row per product, from row 2 on, at most ${maxRows.toLocaleString('en-US')} rows.`,
    '2. Rows with the same Entry ID form one license with several products. Their importer, exporter, manufacturer, countries of origin and exportation, port and dates must be the same: leave them blank on the later rows, or repeat them exactly.',
    '3. Countries: choose from the list, or write the ISO code (CA) or a common name (UK, South Korea). Country of Largest Smelt: Not applicable when the product holds only recycled aluminum. Country of Second Largest Smelt: Not applicable when there is no second source. Country of Most Recent Cast: always a real country.',
    `4. Dates: Excel dates, or text as YYYY-MM-DD or MM/DD/YYYY. The expected date of import is at most ${licensePolicy.applyDaysBeforeImport} days from the day you upload.`,
    '5. Several manufacturers in one cell: separate them with ; (semicolon).',
    `6. HTS Number: one of the codes on the ${HTS_SHEET} sheet, with or without dots.`,
    `7. Every license in the file is for consumption. For foreign-trade zone admissions or warehouse withdrawals, add a column headed "${ENTRY_TYPE_COLUMN.header}" and write ${Object.values(ENTRY_TYPE_WORDS).join(', ')}.`,
    '8. Row 2 is an example: replace it with your own rows or delete it. Kept, it becomes a license like any other row.',
    '9. Upload the file on the Multiple Licenses page. The whole file is checked first: if any row has an error, no license is created, and each error is listed by row and column. Fix them and upload again.',
    '10. When every row is right, all licenses are created at once and you get each Entry ID with its license number, and one email with the count. Uploading the same file again shows the same numbers and creates nothing.',
    '',
    'Columns may be in any order; other columns are ignored. Formulas are read by the value Excel saved with them; AIM never calculates them.',
  ];
}

/**
 * BULK-1: the 16-column aluminum template with the heading row frozen, a note on each heading,
 * drop-down lists (countries spelled out, smelt answers, ports, HTS codes), date and number
 * formats and checks, one example row dated from `today` that the upload accepts, an instructions
 * sheet and a sheet of the covered HTS codes with their descriptions.
 */
export async function bulkTemplate(reference: ReferenceData, today: string, maxRows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'AIM';
  const sheet = workbook.addWorksheet(LICENSES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = workbook.addWorksheet('Instructions');
  const htsSheet = workbook.addWorksheet(HTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });

  const aluminum = reference.htsCodes.filter((hts) => hts.productType === 'ALUMINUM' && hts.status === 'current');
  const countryNames = reference.countries.map((country) => country.name);
  const listColumns: Array<{ title: string; values: string[] }> = [
    { title: 'Countries', values: countryNames },
    { title: 'Smelt answers', values: [NOT_APPLICABLE_WORDS, ...countryNames] },
    { title: 'Ports', values: reference.ports.map(portLabel) },
    { title: 'Entry types', values: Object.values(ENTRY_TYPE_WORDS) },
    { title: 'HTS numbers', values: aluminum.map((hts) => hts.display) },
  ];
  const listRange = listColumns.map((list, index) => {
    const letter = String.fromCharCode('A'.charCodeAt(0) + index);
    lists.getCell(`${letter}1`).value = list.title;
    list.values.forEach((value, row) => (lists.getCell(`${letter}${row + 2}`).value = value));
    return `${LISTS_SHEET}!$${letter}$2:$${letter}$${list.values.length + 1}`;
  });
  const [countries = '', smelts = '', ports = '', , htsNumbers = ''] = listRange;

  sheet.columns = BULK_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: widths[column.key] ?? Math.max(14, column.header.length + 4),
    style: TEXT_COLUMNS.has(column.key)
      ? { numFmt: '@' }
      : column.key === 'expectedExportDate' || column.key === 'expectedImportDate'
        ? { numFmt: DATE_FORMAT }
        : column.key === 'volumeKg'
          ? { numFmt: '#,##0.###' }
          : column.key === 'customsValueUsd'
            ? { numFmt: '#,##0.00' }
            : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.height = 32;
  BULK_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.note = column.note;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDFE1E2' } };
  });

  const validations = dataValidations(sheet);
  const rows = (key: BulkColumnKey) => `${columnLetter(key)}2:${columnLetter(key)}${maxRows + 1}`;
  const list = (key: BulkColumnKey, range: string, error: string) =>
    validations.add(rows(key), { type: 'list', allowBlank: true, formulae: [range], showErrorMessage: true, errorStyle: 'warning', errorTitle: 'Not in the list', error });
  const countryHelp = 'Choose a country from the list. Its ISO code (CA) or a common name (UK) is accepted too.';
  list('countryOfOrigin', countries, countryHelp);
  list('countryOfExportation', countries, countryHelp);
  list('mostRecentCast', countries, 'Choose a country from the list: the country of most recent cast is always a real country.');
  list('largestSmelt', smelts, `Choose a country, or ${NOT_APPLICABLE_WORDS} for recycled aluminum only.`);
  list('secondSmelt', smelts, `Choose another country, or ${NOT_APPLICABLE_WORDS} when there is no second source.`);
  list('portOfEntry', ports, 'Choose a port from the list, or write its 4-digit CBP code.');
  list('htsCode', htsNumbers, `Choose a covered HTS number; the ${HTS_SHEET} sheet describes each.`);
  for (const key of ['expectedExportDate', 'expectedImportDate'] as const) {
    validations.add(rows(key), {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [excelDate('2000-01-01')],
      showErrorMessage: true,
      errorTitle: 'Not a date',
      error: 'Enter a date, for example 12/10/2026.',
    });
  }
  for (const key of ['volumeKg', 'customsValueUsd'] as const) {
    validations.add(rows(key), {
      type: 'decimal',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      errorTitle: 'Not an amount',
      error: key === 'volumeKg' ? 'Enter the net weight in kilograms, more than 0.' : 'Enter the customs value in U.S. dollars, more than 0.',
    });
  }
  for (const key of ['importerName', 'exporterName'] as const) {
    validations.add(rows(key), {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      allowBlank: true,
      formulae: [licensePolicy.maxNameLength],
      showErrorMessage: true,
      error: `At most ${licensePolicy.maxNameLength} characters.`,
    });
  }

  const port = reference.portByCode.get('3801') ?? reference.ports[0];
  const country = reference.countryByCode.get('CA')?.name ?? countryNames[0] ?? '';
  sheet.addRow({
    entryId: 'EXAMPLE-1',
    importerName: 'Example Importer LLC',
    exporterName: 'Example Aluminium Inc.',
    manufacturerNames: 'Example Aluminium Inc.',
    countryOfOrigin: country,
    countryOfExportation: country,
    portOfEntry: port ? portLabel(port) : '',
    expectedExportDate: excelDate(addDays(today, 5)),
    expectedImportDate: excelDate(addDays(today, 10)),
    htsCode: aluminum[0]?.display ?? '',
    largestSmelt: country,
    secondSmelt: NOT_APPLICABLE_WORDS,
    mostRecentCast: country,
    volumeKg: 24_000,
    customsValueUsd: 65_280,
  });

  guide.getColumn(1).width = 120;
  instructions(maxRows).forEach((line, index) => {
    const cell = guide.getCell(`A${index + 1}`);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (index === 0) cell.font = { bold: true, size: 14 };
  });

  htsSheet.columns = [
    { header: 'HTS Number', key: 'display', width: 16 },
    { header: 'Description', key: 'description', width: 90 },
    { header: 'Product group', key: 'group', width: 40 },
  ];
  htsSheet.getRow(1).font = { bold: true };
  for (const hts of aluminum) {
    htsSheet.addRow({ display: hts.display, description: hts.description, group: reference.productGroupById.get(hts.productGroupId)?.name ?? '' });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
