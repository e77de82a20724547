import { BULK_COLUMNS } from '@aim/domain';
import { tables } from '@aim/db';
import { testEngines } from '@aim/db/testing';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../accounts/api-tokens.js';
import { signedInUser } from '../testing/accounts.js';
import { bulkRow, bulkRows, bulkWorkbook, uploadBulk } from '../testing/bulk-files.js';
import { type TestClient, type TestServer, startTestServer } from '../testing/test-server.js';

const LICENSE = `query ($number: String!) { license(number: $number) { number status importerName countryOfOrigin { code }
  products { line hts { code } volumeKg customsValueUsd largestSmelt { answer country { code } } secondSmelt { answer } } history { version status } } }`;

describe.each(testEngines())('BULK many licenses at once on %s', (engine) => {
  let aim: TestServer;
  let filer: TestClient;
  let filerEmail: string;
  beforeAll(async () => {
    aim = await startTestServer(engine);
    const signedIn = await signedInUser(aim, { alternateEmail: `alternate-${engine}@example.com` });
    filer = signedIn.client;
    filerEmail = signedIn.user.email;
  });
  afterAll(() => aim?.close());

  const licenseCount = async () => (await aim.db.select({ n: count() }).from(tables.licenses))[0]?.n ?? 0;
  const uploadCount = async () => (await aim.db.select({ n: count() }).from(tables.bulkUploads))[0]?.n ?? 0;

  it('BULK-1 serves the 16-column template: frozen headings with notes, lists, formats, instructions, HTS codes and an example row', async () => {
    const response = await fetch(`${aim.origin}/api/templates/aluminum.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['Licenses', 'visible'],
      ['Instructions', 'visible'],
      ['HTS codes', 'visible'],
      ['Lists', 'hidden'],
    ]);
    const sheet = workbook.getWorksheet('Licenses');
    if (!sheet) throw new Error('no Licenses sheet');
    const headings = BULK_COLUMNS.map((_, index) => sheet.getRow(1).getCell(index + 1));
    expect(headings.map((cell) => cell.value)).toEqual(BULK_COLUMNS.map((column) => column.header));
    expect(headings.every((cell) => typeof cell.note === 'string' && cell.note.length > 5)).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('L2').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^Lists!\$B\$2:\$B\$\d+$/)] });
    expect(sheet.getCell('F500').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^Lists!\$A\$2/)] });
    expect(sheet.getCell('J2').dataValidation).toMatchObject({ type: 'date' });
    expect(sheet.getCell('J2').numFmt).toBe('mm/dd/yyyy');
    expect(sheet.getCell('P2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('A2').value).toBe('EXAMPLE-1');
    const lists = workbook.getWorksheet('Lists');
    expect(lists?.getColumn(2).values).toContain('Not applicable');
    expect(lists?.getColumn(4).values).toEqual(expect.arrayContaining(['Consumption', 'Foreign-trade zone admission']));
    const hts = workbook.getWorksheet('HTS codes');
    expect(hts?.getRow(2).values).toEqual([undefined, '7601.10.3000', expect.stringContaining('Unwrought aluminum'), expect.any(String)]);
    expect(workbook.getWorksheet('Instructions')?.getCell('A1').value).toMatch(/many aluminum import licenses/);
  });

  it('BULK-1 the example row of the template is accepted as it comes', async () => {
    const template = Buffer.from(await (await fetch(`${aim.origin}/api/templates/aluminum.xlsx`)).arrayBuffer());
    const { client } = await signedInUser(aim);
    const answer = await uploadBulk(aim.origin, template, { client });
    expect(answer.status).toBe(200);
    expect(answer.body.licenses).toEqual([{ entryId: 'EXAMPLE-1', number: expect.stringMatching(/^[A-Z0-9]{9}$/), status: 'SUBMITTED', flags: [] }]);
  });

  it('BULK-2 a generated 500-row file round-trips: 250 licenses of 2 products, each readable as written, one email with the count', async () => {
    const before = await licenseCount();
    const file = await bulkWorkbook(bulkRows(250, 2));
    const answer = await uploadBulk(aim.origin, file, { client: filer });
    expect(answer.status).toBe(200);
    expect(answer.body.count).toBe(250);
    expect(answer.body.repeated).toBe(false);
    expect(await licenseCount()).toBe(before + 250);
    const licenses = answer.body.licenses ?? [];
    expect(licenses.map((license) => license.entryId)).toEqual(Array.from({ length: 250 }, (_, index) => `E-${index + 1}`));
    expect(new Set(licenses.map((license) => license.number)).size).toBe(250);

    const [, second] = bulkRows(250, 2);
    const seventh = licenses[0]?.number ?? '';
    const stored = await filer.gql<{ license: { products: Array<{ volumeKg: number; customsValueUsd: number }>; history: unknown[]; importerName: string } }>(LICENSE, { number: seventh });
    expect(stored.data?.license).toMatchObject({
      importerName: 'Great Lakes Metals Trading LLC',
      countryOfOrigin: { code: 'CA' },
      history: [{ version: 1, status: 'SUBMITTED' }],
    });
    expect(stored.data?.license.products).toHaveLength(2);
    expect(stored.data?.license.products[1]).toMatchObject({ line: 2, hts: { code: '7601103000' }, volumeKg: second?.[14], customsValueUsd: second?.[15], largestSmelt: { answer: 'COUNTRY', country: { code: 'CA' } }, secondSmelt: { answer: 'NOT_APPLICABLE' } });

    await aim.deliverOutbox();
    const mails = aim.smtp.mailsTo(filerEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toMatch(/250 aluminum import licenses were issued/);
    expect(mails[0]?.text).not.toContain(seventh);
    expect(aim.smtp.mailsTo(`alternate-${engine}@example.com`)).toHaveLength(1);

    // BULK-2: the same file again answers the first upload's numbers and creates nothing.
    const again = await uploadBulk(aim.origin, file, { client: filer });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ repeated: true, count: 250, licenses });
    expect(await licenseCount()).toBe(before + 250);
    await aim.deliverOutbox();
    expect(aim.smtp.mailsTo(filerEmail)).toHaveLength(1);
  });

  it('BULK-2 the same Idempotency-Key answers the first upload, whatever the file; an API token works as a session does', async () => {
    const { user } = await signedInUser(aim);
    const { secret: token } = await createApiToken(aim.services, user.id, 'bulk test');
    const first = await uploadBulk(aim.origin, await bulkWorkbook([bulkRow('K-1')]), { token, headers: { 'idempotency-key': 'batch-2026-12-01' } });
    expect(first.status).toBe(200);
    const before = await licenseCount();
    const retry = await uploadBulk(aim.origin, await bulkWorkbook([bulkRow('K-1'), bulkRow('K-2')]), { token, headers: { 'idempotency-key': 'batch-2026-12-01' } });
    expect(retry.body).toMatchObject({ repeated: true, licenses: first.body.licenses });
    expect(await licenseCount()).toBe(before);
  });

  it('BULK-2 a file with errors creates nothing and names each error by Excel row and template column, in a filer\'s words', async () => {
    const before = await licenseCount();
    const uploadsBefore = await uploadCount();
    const file = await bulkWorkbook([
      bulkRow('A'),
      bulkRow('A', { 'Country of Largest Smelt': 'Canda' }),
      bulkRow('B', { 'Volume (kg)': 0, 'Expected Date of Import': '13/45/2026' }),
      bulkRow('C', { 'HTS Number': '7208.10.0000' }),
    ]);
    const answer = await uploadBulk(aim.origin, file, { client: filer });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^The file has 4 errors, so no license was created/) });
    expect(answer.body.errors).toEqual([
      { row: 3, column: 'Country of Largest Smelt', message: "Country of Largest Smelt: 'Canda' is not a country; did you mean Canada?" },
      { row: 4, column: 'Expected Date of Import', message: expect.stringContaining("'13/45/2026' is not a date") },
      { row: 4, column: 'Volume (kg)', message: 'Volume (kg): Enter the net volume in kilograms, more than 0.' },
      { row: 5, column: 'HTS Number', message: expect.stringContaining('not an HTS number covered by import licensing') },
    ]);
    expect(answer.body.errorCount).toBe(4);
    expect(await licenseCount()).toBe(before);
    expect(await uploadCount()).toBe(uploadsBefore);
  });

  it('LIC-11 judges each license of the file and reports its flags by Entry ID', async () => {
    const answer = await uploadBulk(aim.origin, await bulkWorkbook([bulkRow('CHEAP', { 'Customs Value (USD)': 24 }), bulkRow('FAIR')]), { client: filer });
    expect(answer.status).toBe(200);
    const [cheap, fair] = answer.body.licenses ?? [];
    expect(cheap).toMatchObject({ entryId: 'CHEAP', status: 'ACTION_REQUIRED', flags: [{ path: 'products.0.customsValueUsd', row: 2, column: 'Customs Value (USD)', reason: expect.stringMatching(/per kg is far below the usual/) }] });
    expect(fair).toMatchObject({ entryId: 'FAIR', status: 'SUBMITTED', flags: [] });
  });

  it('X-2 refuses without a session or token, from another site, and before a company profile (ACC-3)', async () => {
    const file = await bulkWorkbook([bulkRow('A')]);
    expect((await uploadBulk(aim.origin, file)).status).toBe(401);
    const crossSite = await uploadBulk(aim.origin, file, { client: filer, headers: { origin: 'https://evil.example' } });
    expect(crossSite).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const { client } = await signedInUser(aim, { company: false });
    expect((await uploadBulk(aim.origin, file, { client })).body.error?.message).toMatch(/Complete your company profile/);
  });

});
