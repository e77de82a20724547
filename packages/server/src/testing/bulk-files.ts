import { addDays, BULK_COLUMNS, easternDate } from '@aim/domain';
import ExcelJS from 'exceljs';
import type { TestClient } from './test-server.js';

// Spreadsheets for the bulk upload's tests and benchmark (BULK-1..3), written with exceljs as a
// broker's system or Excel would.

export const BULK_HEADINGS = BULK_COLUMNS.map((column) => column.header);
export type BulkHeading = (typeof BULK_HEADINGS)[number];
export type CellInput = ExcelJS.CellValue;

/** A valid product row of Entry ID `entryId` in the template's column order; `changes` by heading. */
export function bulkRow(entryId: CellInput, changes: Record<string, CellInput> = {}, today = easternDate(new Date())): CellInput[] {
  const values: Record<string, CellInput> = {
    'Entry ID': entryId,
    'Customs Entry #': null,
    'Importer Name': 'Great Lakes Metals Trading LLC',
    'Exporter Name': 'Alouette Aluminium Inc.',
    Manufacturer: 'Alouette Aluminium Inc.',
    'Country of Origin': 'Canada',
    'Country of Exportation': 'CA',
    'Expected Port of Entry': '3801',
    'Expected Date of Export': new Date(`${addDays(today, 5)}T00:00:00Z`),
    'Expected Date of Import': addDays(today, 10),
    'HTS Number': '7601.10.3000',
    'Country of Largest Smelt': 'Canada',
    'Country of Second Largest Smelt': 'Not applicable',
    'Country of Most Recent Cast': 'Canada',
    'Volume (kg)': 24_000,
    'Customs Value (USD)': 65_280,
    ...changes,
  };
  return BULK_HEADINGS.map((heading) => values[heading] ?? null);
}

/** `licenses` licenses of `products` rows each, with volumes that vary a little, as real entries do. */
export function bulkRows(licenses: number, products = 2): CellInput[][] {
  const rows: CellInput[][] = [];
  for (let license = 1; license <= licenses; license++) {
    for (let product = 0; product < products; product++) {
      const volumeKg = 20_000 + ((license * 37 + product * 11) % 50) * 100;
      rows.push(bulkRow(`E-${license}`, { 'Volume (kg)': volumeKg, 'Customs Value (USD)': Math.round(volumeKg * 272) / 100 }));
    }
  }
  return rows;
}

/** An .xlsx file: the template's headings (or `headings`) in row 1, then `rows`, on a sheet named Licenses. */
export async function bulkWorkbook(rows: CellInput[][], options: { headings?: CellInput[]; edit?: (sheet: ExcelJS.Worksheet) => void } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Licenses');
  sheet.addRow(options.headings ?? BULK_HEADINGS);
  sheet.addRows(rows);
  options.edit?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A big file without holding it in memory: exceljs's streaming writer. */
export async function streamedBulkWorkbook(path: string, rowCount: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Licenses');
  sheet.addRow(BULK_HEADINGS).commit();
  const row = bulkRow('E-1');
  for (let index = 0; index < rowCount; index++) {
    row[0] = `E-${Math.floor(index / 2) + 1}`;
    sheet.addRow(row).commit();
  }
  sheet.commit();
  await workbook.commit();
}

export interface BulkAnswer {
  status: number;
  body: {
    licenses?: Array<{ entryId: string; number: string; status: string; flags: Array<{ path: string; reason: string; row: number; column: string }> }>;
    count?: number;
    repeated?: boolean;
    error?: { code: string; message: string };
    errors?: Array<{ row: number; column: string; message: string }>;
    errorCount?: number;
  };
}

/** `POST /api/licenses/bulk` as the licensing app sends it: a multipart form with the field `file`. */
export async function uploadBulk(
  origin: string,
  file: Buffer | Blob,
  options: { client?: TestClient; token?: string; headers?: Record<string, string>; name?: string } = {},
): Promise<BulkAnswer> {
  const form = new FormData();
  form.append('file', file instanceof Blob ? file : new Blob([new Uint8Array(file)]), options.name ?? 'licenses.xlsx');
  const cookies = options.client?.cookies;
  const response = await fetch(`${origin}/api/licenses/bulk`, {
    method: 'POST',
    headers: {
      ...(cookies?.size ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as BulkAnswer['body'] };
}
