import { addDays, BULK_COLUMNS, easternDate } from '@aim/domain';
import zlib from 'node:zlib';
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

export interface ZipPart {
  name: string;
  /** The bytes, or pieces of them repeated: a zip bomb's hundreds of megabytes never sit in memory. */
  data: Buffer | ReadonlyArray<{ bytes: Buffer; times?: number }>;
  /** The size the archive claims the part inflates to; a crafted archive lies. */
  declaredSize?: number;
}

/**
 * A zip archive written by hand, as a crafted file would be. Each piece is deflated on its own and
 * flushed to a byte boundary, so a piece repeated is its compressed bytes repeated: a valid deflate
 * stream that inflates to every repetition.
 */
export function zipArchive(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const pieces = Buffer.isBuffer(part.data) ? [{ bytes: part.data }] : part.data;
    let size = 0;
    let crc = 0;
    const compressed: Buffer[] = [];
    for (const { bytes, times = 1 } of pieces) {
      const deflated = zlib.deflateRawSync(bytes, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
      for (let time = 0; time < times; time++) {
        crc = zlib.crc32(bytes, crc);
        size += bytes.length;
        compressed.push(deflated);
      }
    }
    compressed.push(zlib.deflateRawSync(Buffer.alloc(0)));
    const data = Buffer.concat(compressed);
    const name = Buffer.from(part.name);
    const header = (central: boolean) => {
      const fixed = Buffer.alloc(central ? 46 : 30);
      const at = central ? 2 : 0;
      fixed.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      fixed.writeUInt16LE(20, 4);
      if (central) fixed.writeUInt16LE(20, 6);
      fixed.writeUInt16LE(8, 8 + at);
      fixed.writeUInt32LE(crc >>> 0, 14 + at);
      fixed.writeUInt32LE(data.length, 18 + at);
      fixed.writeUInt32LE(part.declaredSize ?? size, 22 + at);
      fixed.writeUInt16LE(name.length, 26 + at);
      if (central) fixed.writeUInt32LE(offset, 42);
      return Buffer.concat([fixed, name]);
    };
    centrals.push(header(true));
    const local = Buffer.concat([header(false), data]);
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet workbook around `sheet` (the sheet's XML, or its chunks). */
export function workbookParts(sheet: ZipPart['data'], declaredSize?: number): ZipPart[] {
  const text = (value: string) => Buffer.from(value);
  return [
    {
      name: '[Content_Types].xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, ...(declaredSize === undefined ? {} : { declaredSize }) },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: text(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    },
    {
      name: 'xl/workbook.xml',
      data: text(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="Licenses" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
  ];
}

/** A sheet's XML around `rows` (`<row>` elements as text), the template's headings in row 1. */
export function sheetXml(rows: string | Buffer = ''): { head: Buffer; rows: Buffer; tail: Buffer } {
  const headings = BULK_HEADINGS.map((heading, index) => `<c r="${String.fromCharCode(65 + index)}1" t="inlineStr"><is><t>${heading.replace('&', '&amp;')}</t></is></c>`).join('');
  return {
    head: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1">${headings}</row>`),
    rows: Buffer.isBuffer(rows) ? rows : Buffer.from(rows),
    tail: Buffer.from('</sheetData></worksheet>'),
  };
}
