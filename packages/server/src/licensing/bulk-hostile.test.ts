import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tables } from '@aim/db';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser } from '../testing/accounts.js';
import { type BulkAnswer, bulkRow, bulkWorkbook, sheetXml, streamedBulkWorkbook, uploadBulk, workbookParts, zipArchive } from '../testing/bulk-files.js';
import { type TestClient, type TestServer, startTestServer } from '../testing/test-server.js';

// BULK-3: files made to hurt get a clear error, in bounded memory and time, change nothing, and
// the server keeps answering meanwhile. The limits are the defaults of the configuration.

const MB = 1_000_000;

/** Samples the process's resident memory while `work` runs: the server is in this process. */
async function peakMemoryDuring<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number; seconds: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const began = performance.now();
  try {
    const result = await work();
    return { result, growthMb: (peak - start) / MB, seconds: (performance.now() - began) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

describe('BULK-3 hostile files', () => {
  let aim: TestServer;
  let filer: TestClient;
  let folder: string;
  beforeAll(async () => {
    aim = await startTestServer('pglite');
    ({ client: filer } = await signedInUser(aim));
    folder = await mkdtemp(join(tmpdir(), 'aim-hostile-'));
  });
  afterAll(async () => {
    await aim?.close();
    await rm(folder, { recursive: true, force: true });
  });

  const licenseCount = async () => (await aim.db.select({ n: count() }).from(tables.licenses))[0]?.n ?? 0;
  async function refused(file: Buffer, status: number, message: RegExp): Promise<BulkAnswer> {
    const before = await licenseCount();
    const answer = await uploadBulk(aim.origin, file, { client: filer });
    expect(answer.status).toBe(status);
    expect(answer.body.error?.message).toMatch(message);
    expect(await licenseCount()).toBe(before);
    return answer;
  }

  it('refuses a file that is not an Excel workbook: text, an old .xls, a renamed zip', async () => {
    await refused(Buffer.from('Entry ID,Importer Name\n1,Great Lakes\n'), 415, /not an Excel workbook\. Save it from Excel as an Excel Workbook \(\.xlsx\)/);
    await refused(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4000)]), 415, /Excel 97-2003 \(\.xls\)/);
    await refused(zipArchive([{ name: 'notes.txt', data: Buffer.from('hello') }]), 415, /zip archive, not an Excel workbook/);
    const { status } = await uploadBulk(aim.origin, Buffer.alloc(0), { client: filer });
    expect(status).toBe(415);
  });

  it('refuses a zip bomb that declares its size before inflating anything', async () => {
    const { head, tail } = sheetXml();
    const bomb = zipArchive(workbookParts([{ bytes: head }, { bytes: Buffer.alloc(MB, 0x20), times: 300 }, { bytes: tail }]));
    expect(bomb.length).toBeLessThan(MB);
    const { growthMb, seconds } = await peakMemoryDuring(() => refused(bomb, 413, /unpacks to more than 100 MB/));
    expect(seconds).toBeLessThan(2);
    expect(growthMb).toBeLessThan(100);
  });

  it('stops inflating a zip bomb that lies about its size at the limit, in bounded memory and time', async () => {
    const { head, tail } = sheetXml();
    const bomb = zipArchive(workbookParts([{ bytes: head }, { bytes: Buffer.alloc(MB, 0x20), times: 1000 }, { bytes: tail }], 2_000));
    const { growthMb, seconds } = await peakMemoryDuring(() => refused(bomb, 413, /unpacks to more than 100 MB/));
    expect(seconds).toBeLessThan(10);
    expect(growthMb).toBeLessThan(400);
  });

  it('refuses a sheet of 100,000 rows at the row limit, and answers other requests meanwhile', async () => {
    let rows = '';
    for (let row = 2; row <= 100_001; row++) rows += `<row r="${row}"><c r="A${row}"><v>${row}</v></c><c r="O${row}"><v>24000</v></c></row>`;
    const { head, tail } = sheetXml();
    const file = zipArchive(workbookParts([{ bytes: head }, { bytes: Buffer.from(rows) }, { bytes: tail }]));
    const upload = peakMemoryDuring(() => refused(file, 413, /more than 20,000 rows\. Split it/));
    const latencies: number[] = [];
    let done = false;
    void upload.finally(() => (done = true));
    while (!done) {
      const sent = performance.now();
      const answer = await fetch(`${aim.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
      latencies.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const { growthMb, seconds } = await upload;
    expect(seconds).toBeLessThan(15);
    expect(growthMb).toBeLessThan(300);
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(500);
  });

  it('refuses a 50 MB file before reading it, sent as a form or as the body without a length', async () => {
    await refused(Buffer.alloc(50 * MB, 7), 413, /larger than 20 MB/);
    const chunks = (async function* () {
      for (let index = 0; index < 50; index++) yield new Uint8Array(MB);
    })();
    const response = await fetch(`${aim.origin}/api/licenses/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', cookie: [...filer.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      body: ReadableStream.from(chunks),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('reads a formula by the result Excel stored with it, and refuses one without a result: it never calculates', async () => {
    const withResults = await bulkWorkbook([bulkRow('F', { 'Volume (kg)': { formula: '12000*2', result: 24_000 }, 'Importer Name': { formula: 'UPPER("x")', result: 'Great Lakes Metals Trading LLC' } })]);
    const accepted = await uploadBulk(aim.origin, withResults, { client: filer });
    expect(accepted.status).toBe(200);
    await refused(await bulkWorkbook([bulkRow('G', { 'Volume (kg)': { formula: 'SUM(O3:O9)', date1904: false } })]), 422, /1 error/);
    const answer = await uploadBulk(aim.origin, await bulkWorkbook([bulkRow('G', { 'Volume (kg)': { formula: 'SUM(O3:O9)', date1904: false } })]), { client: filer });
    expect(answer.body.errors?.[0]).toEqual({ row: 2, column: 'Volume (kg)', message: expect.stringContaining('holds a formula (=SUM(O3:O9)) without a saved result, and AIM never calculates formulas') });
  });

  it('says what is wrong with an empty workbook, a sheet of headings only, and missing headings; reads reordered ones', async () => {
    const empty = await bulkWorkbook([], { headings: [] });
    expect((await refused(empty, 422, /1 error/)).body.errors?.[0]?.message).toMatch(/row 1 must hold the template's headings/);
    expect((await refused(await bulkWorkbook([]), 422, /1 error/)).body.errors?.[0]).toMatchObject({ row: 2, column: 'Entry ID', message: expect.stringContaining('no licenses') });
    const withoutOrigin = await bulkWorkbook([bulkRow('A')], { edit: (sheet) => sheet.spliceColumns(6, 1) });
    expect((await refused(withoutOrigin, 422, /1 error/)).body.errors).toEqual([{ row: 1, column: 'Country of Origin', message: expect.stringContaining("row 1 has no 'Country of Origin' heading") }]);
    const reordered = await bulkWorkbook([bulkRow('R')], {
      edit: (sheet) => {
        const values = [1, 2].map((row) => sheet.getRow(row).values as unknown[]);
        values.forEach((cells, index) => (sheet.getRow(index + 1).values = [undefined, ...cells.slice(1).reverse()] as never));
      },
    });
    expect((await uploadBulk(aim.origin, reordered, { client: filer })).status).toBe(200);
  });

  it('reads merged cells: a header merged down the rows of one license is its value; merged into another license it is missing there', async () => {
    const rows = [bulkRow('M'), bulkRow('M', { 'Importer Name': null }), bulkRow('N', { 'Importer Name': null })];
    const within = await uploadBulk(aim.origin, await bulkWorkbook(rows.slice(0, 2), { edit: (sheet) => sheet.mergeCells('C2:C3') }), { client: filer });
    expect(within.status).toBe(200);
    expect(within.body.licenses).toHaveLength(1);
    const across = await uploadBulk(aim.origin, await bulkWorkbook([rows[0] ?? [], rows[2] ?? []], { edit: (sheet) => sheet.mergeCells('C2:C3') }), { client: filer });
    expect(across.status).toBe(422);
    expect(across.body.errors).toEqual([{ row: 3, column: 'Importer Name', message: 'Importer Name: Enter the importer name.' }]);
  });

  it('reads a 2,000-row file written by exceljs\'s streaming writer (shared strings after the sheet)', async () => {
    const path = join(folder, 'streamed.xlsx');
    await streamedBulkWorkbook(path, 2_000);
    const answer = await uploadBulk(aim.origin, await readFile(path), { client: filer });
    expect(answer.status).toBe(200);
    expect(answer.body.count).toBe(1_000);
  });
});
