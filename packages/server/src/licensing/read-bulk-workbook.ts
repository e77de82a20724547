import { open } from 'node:fs/promises';
import type { Readable, Transform } from 'node:stream';
import { type BulkCell, type BulkRow, type BulkSheet, isBulkHeaderRow } from '@aim/domain';
import ExcelJS from 'exceljs';
import { isSupportedMethod, partsStream, readZipDirectory, workbookParts } from './xlsx-zip.js';

/** BULK-3: how much of an uploaded workbook the server reads before it refuses it. */
export interface WorkbookLimits {
  /** All the workbook's sheets and shared strings, inflated. */
  maxUncompressedBytes: number;
  /** Rows under the heading row of the sheet of licenses. */
  maxRows: number;
}

/** Why a file is not read: `status` and `code` as the REST answer gives them. */
export class WorkbookRefused extends Error {
  constructor(
    readonly status: 413 | 415 | 422,
    readonly code: 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'BAD_USER_INPUT',
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookRefused';
  }
}

const SAVE_AS_XLSX = 'Save it from Excel as an Excel Workbook (.xlsx), or start from the template.';
const megabytes = (bytes: number) => `${Math.round(bytes / 1_000_000)} MB`;
// The first bytes of the Office 97-2003 (.xls) format and of an encrypted .xlsx, both OLE files.
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function tooBig(limits: WorkbookLimits): WorkbookRefused {
  return new WorkbookRefused(
    413,
    'PAYLOAD_TOO_LARGE',
    `The workbook unpacks to more than ${megabytes(limits.maxUncompressedBytes)}, far more than ${limits.maxRows.toLocaleString('en-US')} rows of licenses need. Remove other sheets and pictures, or split the file.`,
  );
}

function tooManyRows(limits: WorkbookLimits): WorkbookRefused {
  return new WorkbookRefused(
    413,
    'PAYLOAD_TOO_LARGE',
    `The sheet has more than ${limits.maxRows.toLocaleString('en-US')} rows. Split it into files of at most ${limits.maxRows.toLocaleString('en-US')} rows and upload each.`,
  );
}

type ExcelValue = ExcelJS.CellValue;

/** A cell as the license rules read it; a formula counts by the result Excel stored with it, never evaluated here. */
function bulkCell(value: ExcelValue): BulkCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return { error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return { formula: ('formula' in value ? value.formula : value.sharedFormula) ?? '' };
    return bulkCell(result as ExcelValue);
  }
  if ('text' in value && typeof value.text === 'string') return value.text;
  return null;
}

function rowCells(row: ExcelJS.Row): BulkCell[] {
  const cells: BulkCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    cells[column - 1] = bulkCell(cell.value);
  });
  for (let index = 0; index < cells.length; index++) cells[index] ??= null;
  return cells;
}

/** The 1904 date system of old Mac workbooks, as exceljs's reader keeps it (untyped). */
function usesDate1904(reader: ExcelJS.stream.xlsx.WorkbookReader): boolean {
  const properties: unknown = reader.properties;
  if (typeof properties !== 'object' || properties === null || !('model' in properties)) return false;
  const model: unknown = properties.model;
  return typeof model === 'object' && model !== null && 'date1904' in model && model.date1904 === true;
}

/**
 * Counts what each part of the archive inflates to, as it is written to exceljs, and stops the
 * part past the limit: the sizes the archive declares were checked, but a crafted one can lie.
 */
function watchInflatedBytes(source: Readable, limits: WorkbookLimits, onExceeded: (error: WorkbookRefused) => void): void {
  let inflated = 0;
  const pipe = source.pipe.bind(source);
  source.pipe = <Destination extends NodeJS.WritableStream>(destination: Destination, options?: { end?: boolean }) => {
    (destination as unknown as Transform).on('data', (part: Transform) => {
      const write = part.write.bind(part);
      part.write = ((chunk: Buffer, ...rest: never[]) => {
        inflated += chunk.length;
        if (inflated <= limits.maxUncompressedBytes) return write(chunk, ...rest);
        const error = tooBig(limits);
        onExceeded(error);
        part.destroy(error);
        return false;
      }) as Transform['write'];
    });
    return pipe(destination, options);
  };
}

/**
 * BULK-2, BULK-3: the sheet of licenses of an uploaded .xlsx file (the first sheet whose row 1
 * holds the template's headings), read with exceljs's streaming reader within `limits`. Refuses
 * what is not a workbook, what unpacks past the limit, and sheets of too many rows, before reading
 * further; formulas are read by their stored result, never calculated.
 */
export async function readBulkWorkbook(path: string, limits: WorkbookLimits): Promise<BulkSheet> {
  const file = await open(path, 'r');
  let source: Readable | undefined;
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(8);
    await file.read(head, 0, 8, 0);
    if (head.equals(OLE_SIGNATURE)) {
      throw new WorkbookRefused(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `This is an Excel 97-2003 (.xls) or password-protected file. ${SAVE_AS_XLSX} Remove any password first.`,
      );
    }
    const directory = await readZipDirectory(file, size);
    if (directory.kind === 'not-zip') throw new WorkbookRefused(415, 'UNSUPPORTED_MEDIA_TYPE', `This file is not an Excel workbook. ${SAVE_AS_XLSX}`);
    if (directory.kind === 'unsupported') throw tooBig(limits);
    const parts = workbookParts(directory.entries);
    if (!parts) {
      throw new WorkbookRefused(415, 'UNSUPPORTED_MEDIA_TYPE', `This is a zip archive, not an Excel workbook. ${SAVE_AS_XLSX}`);
    }
    if (!parts.every(isSupportedMethod)) throw new WorkbookRefused(415, 'UNSUPPORTED_MEDIA_TYPE', `This workbook is packed in a way Excel does not write. ${SAVE_AS_XLSX}`);
    if (parts.reduce((sum, part) => sum + part.uncompressedSize, 0) > limits.maxUncompressedBytes) throw tooBig(limits);

    source = partsStream(file, parts);
    let exceeded: WorkbookRefused | undefined;
    watchInflatedBytes(source, limits, (error) => (exceeded = error));
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
      sharedStrings: 'cache',
      styles: 'ignore',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    try {
      for await (const worksheet of reader) {
        const rows: BulkRow[] = [];
        let dataSheet: boolean | undefined;
        for await (const row of worksheet) {
          const cells = rowCells(row);
          if (cells.length === 0) continue;
          // The sheet of licenses is told by its first row; a sheet that starts otherwise is passed over.
          dataSheet ??= row.number === 1 && isBulkHeaderRow(cells);
          if (!dataSheet) continue;
          if (rows.length > limits.maxRows) throw tooManyRows(limits);
          rows.push({ row: row.number, cells });
        }
        if (dataSheet) return { rows, date1904: usesDate1904(reader) };
      }
    } catch (error) {
      if (exceeded) throw exceeded;
      if (error instanceof WorkbookRefused) throw error;
      throw new WorkbookRefused(422, 'BAD_USER_INPUT', `The workbook could not be read; it may be damaged. Open it in Excel and save it again. (${error instanceof Error ? error.message : String(error)})`);
    }
    if (exceeded) throw exceeded;
    // No sheet starts with the headings: the rules say what row 1 must hold.
    return { rows: [] };
  } finally {
    source?.destroy();
    await file.close();
  }
}
