import { addDays, easternDate } from '@aim/domain';
import { tables } from '@aim/db';
import { testEngines } from '@aim/db/testing';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser } from '../testing/accounts.js';
import { type TestClient, type TestServer, errorCode, fieldErrorPaths, startTestServer } from '../testing/test-server.js';

const LICENSE_FIELDS = /* GraphQL */ `
  id number kind status productType entryType importerName exporterName manufacturerNames
  customsEntryNumber contactName contactEmail applicant { ein name }
  countryOfOrigin { code name } countryOfExportation { code } portOfEntry { code name }
  expectedExportDate expectedImportDate applicationDate validFrom validThrough
  totalVolumeKg totalCustomsValueUsd flags { path reason }
  products { line hts { code productGroup { id } } largestSmelt { answer country { code } } secondSmelt { answer country { code } }
    mostRecentCast { code } volumeKg customsValueUsd unitValueUsdPerKg }
  history { version status by note }`;

const SUBMIT = `mutation ($input: StandardLicenseInput!, $certify: Boolean!, $key: String) {
  submitLicense(input: $input, certify: $certify, idempotencyKey: $key) { ${LICENSE_FIELDS} } }`;
const PREVIEW = `mutation ($input: StandardLicenseInput!) { previewLicense(input: $input) { license { ${LICENSE_FIELDS} } flags { path reason } } }`;
const MODIFY = `mutation ($number: String!, $input: StandardLicenseInput!) {
  modifyLicense(number: $number, input: $input, certify: true) { ${LICENSE_FIELDS} } }`;
const CANCEL = `mutation ($number: String!) { cancelLicense(number: $number) { number status history { version status } } }`;
const CONFIRM = `mutation ($number: String!) { confirmLicense(number: $number) { number status flags { path } history { version status note } } }`;
const LICENSE = `query ($number: String!) { license(number: $number) { ${LICENSE_FIELDS} } }`;
const LICENSES = `query ($filter: LicenseFilter, $first: Int, $after: String) {
  licenses(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { number status importerName } } } }`;
const LOW_VALUE = `mutation ($importer: String!, $key: String) {
  submitLowValueLicense(input: { importerName: $importer }, certify: true, idempotencyKey: $key) { number kind status validThrough products { line } } }`;

interface LicenseData {
  id: string;
  number: string;
  status: string;
  validThrough: string | null;
  applicationDate: string;
  flags: Array<{ path: string; reason: string }>;
  history: Array<{ version: number; status: string; by: string; note: string | null }>;
  products: Array<{ unitValueUsdPerKg: number }>;
  [field: string]: unknown;
}

const today = () => easternDate(new Date());

function product(overrides: Record<string, unknown> = {}) {
  return {
    htsCode: '7601.10.3000',
    largestSmelt: { answer: 'COUNTRY', country: 'CA' },
    secondSmelt: { answer: 'NOT_APPLICABLE' },
    mostRecentCast: 'CA',
    volumeKg: 20_000,
    customsValueUsd: 54_000,
    ...overrides,
  };
}

function application(overrides: Record<string, unknown> = {}) {
  return {
    entryType: 'CONSUMPTION',
    customsEntryNumber: null,
    importerName: 'Great Lakes Metals Trading LLC',
    exporterName: 'Alouette Aluminium Inc.',
    manufacturerNames: ['Alouette Aluminium Inc.'],
    countryOfOrigin: 'CA',
    countryOfExportation: 'CA',
    portOfEntry: '3801',
    expectedExportDate: addDays(today(), 5),
    expectedImportDate: addDays(today(), 10),
    products: [product(), product({ htsCode: '7601203000', volumeKg: 18_500, customsValueUsd: 55_500 })],
    ...overrides,
  };
}

describe.each(testEngines())('licenses through the API on %s', (engine) => {
  let aim: TestServer;
  let filer: TestClient;
  beforeAll(async () => {
    aim = await startTestServer(engine);
    ({ client: filer } = await signedInUser(aim));
  });
  afterAll(() => aim?.close());

  const licenseCount = async () => (await aim.db.select({ n: count() }).from(tables.licenses))[0]?.n ?? 0;
  const versionCount = async () => (await aim.db.select({ n: count() }).from(tables.licenseVersions))[0]?.n ?? 0;

  async function submit(client: TestClient, input = application(), key?: string): Promise<LicenseData> {
    const response = await client.gql<{ submitLicense: LicenseData }>(SUBMIT, { input, certify: true, key });
    expect(response.errors).toBeUndefined();
    const license = response.data?.submitLicense;
    if (!license) throw new Error('no license');
    return license;
  }

  describe('LIC-1..8 submit', () => {
    it('issues a 9-character number at once, with the applicant from the profile, unit values and validity dates', async () => {
      const license = await submit(filer);
      expect(license.number).toMatch(/^[A-Z0-9]{9}$/);
      expect(license).toMatchObject({
        kind: 'STANDARD',
        status: 'SUBMITTED',
        productType: 'ALUMINUM',
        applicant: { ein: '38-2745619' },
        countryOfOrigin: { code: 'CA', name: 'Canada' },
        portOfEntry: { code: '3801', name: 'DETROIT' },
        applicationDate: today(),
        validFrom: today(),
        validThrough: addDays(today(), 75),
        totalVolumeKg: 38_500,
        totalCustomsValueUsd: 109_500,
        flags: [],
      });
      expect(license.products.map((line) => line.unitValueUsdPerKg)).toEqual([2.7, 3]);
      expect(license.history).toEqual([{ version: 1, status: 'SUBMITTED', by: expect.stringContaining('filer'), note: null }]);
      expect((await filer.gql<{ license: LicenseData }>(LICENSE, { number: license.number })).data?.license.number).toBe(license.number);
    });

    it('LIC-7 a foreign-trade zone admission license does not expire', async () => {
      const license = await submit(filer, application({ entryType: 'FOREIGN_TRADE_ZONE' }));
      expect(license.validThrough).toBeNull();
    });

    it('LIC-8 numbers are not a sequence: consecutive ones differ in most characters', async () => {
      const numbers = [(await submit(filer)).number, (await submit(filer)).number, (await submit(filer)).number];
      expect(new Set(numbers).size).toBe(3);
      const differing = (a: string, b: string) => [...a].filter((char, index) => char !== b[index]).length;
      // Random numbers share a character in a position with chance 1/36: 9 in common would be a counter.
      expect(differing(numbers[0] ?? '', numbers[1] ?? '') + differing(numbers[1] ?? '', numbers[2] ?? '')).toBeGreaterThan(9);
    });

    it('X-1, LIC-1..5 refuse bad input as BAD_USER_INPUT naming each field, and write nothing', async () => {
      const [licenses, versions] = [await licenseCount(), await versionCount()];
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ products: [] }, ['products']],
        [{ products: [product({ htsCode: '7208.10.1500' })] }, ['products.0.htsCode']],
        [{ products: [product({ volumeKg: 0 })] }, ['products.0.volumeKg']],
        [{ products: [product({ customsValueUsd: 10.001 })] }, ['products.0.customsValueUsd']],
        [{ products: [product({ secondSmelt: { answer: 'COUNTRY', country: 'CA' } })] }, ['products.0.secondSmelt']],
        [{ products: [product({ largestSmelt: { answer: 'UNKNOWN' } })] }, ['products.0.largestSmelt']],
        [{ portOfEntry: '0000' }, ['portOfEntry']],
        // LIC-5: countries are ISO 3166 codes of the list.
        [{ countryOfOrigin: 'ZZ' }, ['countryOfOrigin']],
        [{ countryOfExportation: 'Canada' }, ['countryOfExportation']],
        [{ expectedImportDate: addDays(today(), 90), expectedExportDate: addDays(today(), 80) }, ['expectedImportDate']],
        [{ importerName: '  ' }, ['importerName']],
      ];
      for (const [overrides, paths] of cases) {
        const response = await filer.gql(SUBMIT, { input: application(overrides), certify: true });
        expect(errorCode(response), JSON.stringify(overrides)).toBe('BAD_USER_INPUT');
        expect(fieldErrorPaths(response), JSON.stringify(overrides)).toEqual(expect.arrayContaining(paths));
      }
      const uncertified = await filer.gql(SUBMIT, { input: application(), certify: false });
      expect(fieldErrorPaths(uncertified)).toEqual(['certify']);
      const wrongType = await filer.gql(SUBMIT, { input: application({ products: [product({ volumeKg: 'heavy' })] }), certify: true });
      expect(fieldErrorPaths(wrongType)).toEqual(['products.0.volumeKg']);
      expect([await licenseCount(), await versionCount()]).toEqual([licenses, versions]);
    });

    it('LIC-4 accepts an Unknown smelt only on applications dated on or before 2022-06-28', async () => {
      const unknown = { largestSmelt: { answer: 'UNKNOWN' }, secondSmelt: { answer: 'UNKNOWN' } };
      const at = async (applicationDate: string) => {
        const minutes = (Date.parse(`${applicationDate}T16:00:00Z`) - aim.services.clock().getTime()) / 60_000;
        aim.advanceMinutes(minutes);
        try {
          return await filer.gql<{ submitLicense: LicenseData }>(SUBMIT, {
            input: application({ expectedExportDate: addDays(applicationDate, 5), expectedImportDate: addDays(applicationDate, 10), products: [product(unknown)] }),
            certify: true,
          });
        } finally {
          aim.advanceMinutes(-minutes);
        }
      };
      expect((await at('2022-06-28')).data?.submitLicense.applicationDate).toBe('2022-06-28');
      expect(fieldErrorPaths(await at('2022-06-29'))).toEqual(['products.0.largestSmelt', 'products.0.secondSmelt']);
    });

    it('LIC-14 steel and aluminum never share a license: an aluminum code on a steel license is refused', async () => {
      const response = await filer.gql(SUBMIT, { input: application({ productType: 'STEEL' }), certify: true });
      expect(fieldErrorPaths(response)).toEqual(['products.0.htsCode', 'products.1.htsCode']);
    });

    it('X-1 refuses a bad correction and a bad low value application, and writes nothing', async () => {
      const license = await submit(filer);
      const [licenses, versions] = [await licenseCount(), await versionCount()];
      const modify = await filer.gql(MODIFY, { number: license.number, input: application({ products: [product({ mostRecentCast: 'XX' })] }) });
      expect(fieldErrorPaths(modify)).toEqual(['products.0.mostRecentCast']);
      expect(fieldErrorPaths(await filer.gql(LOW_VALUE, { importer: ' ' }))).toEqual(['importerName']);
      expect([await licenseCount(), await versionCount()]).toEqual([licenses, versions]);
      expect((await filer.gql<{ license: LicenseData }>(LICENSE, { number: license.number })).data?.license.status).toBe('SUBMITTED');
    });

    it('ACC-3 asks for the company profile before the first license', async () => {
      const { client } = await signedInUser(aim, { company: false });
      expect(errorCode(await client.gql(SUBMIT, { input: application(), certify: true }))).toBe('FORBIDDEN');
      expect(errorCode(await aim.client().gql(SUBMIT, { input: application(), certify: true }))).toBe('UNAUTHENTICATED');
    });

    it('LIC-8 returns the first license to 20 concurrent retries with one idempotency key', async () => {
      const before = await licenseCount();
      const key = `retry-${engine}`;
      const answers = await Promise.all(Array.from({ length: 20 }, () => filer.gql<{ submitLicense: LicenseData }>(SUBMIT, { input: application(), certify: true, key })));
      const numbers = new Set(answers.map((answer) => answer.data?.submitLicense.number));
      expect(answers.map((answer) => answer.errors)).toEqual(Array(20).fill(undefined));
      expect(numbers.size).toBe(1);
      expect(await licenseCount()).toBe(before + 1);
    });
  });

  describe('LIC-13 email', () => {
    it('emails the filer, copying the alternate, on submit, correction, action required and cancellation, each with the number', async () => {
      const { user, client } = await signedInUser(aim, { alternateEmail: 'alternate@example.com' });
      const license = await submit(client);
      await client.gql(MODIFY, { number: license.number, input: application({ importerName: 'Renamed Importer' }) });
      const { client: analyst } = await signedInUser(aim, { role: 'ANALYST' });
      await analyst.gql('mutation ($n: String!) { flagLicense(number: $n, flags: [{ path: "importerName", reason: "Name differs from the entry" }], message: "Check the importer") { status } }', { n: license.number });
      await client.gql(CANCEL, { number: license.number });
      await aim.deliverOutbox();
      const subjects = aim.smtp.mailsTo(user.email).map((mail) => /^Subject: (.*)$/m.exec(mail.raw)?.[1]);
      expect(subjects).toEqual([
        `AIM license ${license.number} issued`,
        `AIM license ${license.number} corrected`,
        `AIM license ${license.number}: action required`,
        `AIM license ${license.number} cancelled`,
      ]);
      expect(aim.smtp.mailsTo('alternate@example.com')).toHaveLength(4);
      expect(aim.smtp.mailsTo(user.email)[2]?.text).toMatch(/Message from the Commerce analyst: Check the importer/);
    });

    it('sends nothing for input that is refused', async () => {
      const { user, client } = await signedInUser(aim);
      await client.gql(SUBMIT, { input: application({ products: [] }), certify: true });
      await aim.deliverOutbox();
      expect(aim.smtp.mailsTo(user.email)).toEqual([]);
    });
  });

  describe('LIC-6 preview', () => {
    it('computes the whole license without writing or issuing a number', async () => {
      const before = await licenseCount();
      const response = await filer.gql<{ previewLicense: { license: LicenseData; flags: unknown[] } }>(PREVIEW, { input: application() });
      expect(response.errors).toBeUndefined();
      expect(response.data?.previewLicense.license).toMatchObject({ number: '', status: 'SUBMITTED', validThrough: addDays(today(), 75), history: [] });
      expect(response.data?.previewLicense.license.products.map((line) => line.unitValueUsdPerKg)).toEqual([2.7, 3]);
      expect(await licenseCount()).toBe(before);
    });
  });

  describe('LIC-9, LIC-10 modify and cancel', () => {
    it('a correction keeps the number, becomes CORRECTED and records what changed', async () => {
      const license = await submit(filer);
      const input = application({ products: [product({ volumeKg: 21_000, customsValueUsd: 56_700 })], importerName: 'GLM Trading' });
      const response = await filer.gql<{ modifyLicense: LicenseData }>(MODIFY, { number: license.number.toLowerCase(), input });
      expect(response.errors).toBeUndefined();
      expect(response.data?.modifyLicense).toMatchObject({ number: license.number, status: 'CORRECTED', importerName: 'GLM Trading', applicationDate: license.applicationDate });
      expect(response.data?.modifyLicense.history.map((version) => [version.version, version.status])).toEqual([
        [1, 'SUBMITTED'],
        [2, 'CORRECTED'],
      ]);
      const [stored] = await aim.db
        .select()
        .from(tables.licenseVersions)
        .where(and(eq(tables.licenseVersions.licenseId, license.id), eq(tables.licenseVersions.version, 2)));
      expect(stored?.changedFields).toEqual(expect.arrayContaining(['importerName', 'products', 'products.0.volumeKg', 'products.0.customsValueUsd']));
    });

    it('LIC-9 two concurrent corrections both become versions: none is lost', async () => {
      const license = await submit(filer);
      const [first, second] = await Promise.all([
        filer.gql(MODIFY, { number: license.number, input: application({ importerName: 'Importer A' }) }),
        filer.gql(MODIFY, { number: license.number, input: application({ importerName: 'Importer B' }) }),
      ]);
      expect([first.errors, second.errors]).toEqual([undefined, undefined]);
      const history = (await filer.gql<{ license: LicenseData }>(LICENSE, { number: license.number })).data?.license.history;
      expect(history?.map((version) => version.version)).toEqual([1, 2, 3]);
    });

    it('LIC-10 cancelling is permanent: a cancelled license cannot be modified, confirmed or cancelled again', async () => {
      const license = await submit(filer);
      const cancelled = await filer.gql<{ cancelLicense: LicenseData }>(CANCEL, { number: license.number });
      expect(cancelled.data?.cancelLicense).toMatchObject({ status: 'CANCELLED', history: [{ version: 1 }, { version: 2, status: 'CANCELLED' }] });
      const versions = await versionCount();
      expect(fieldErrorPaths(await filer.gql(MODIFY, { number: license.number, input: application() }))).toEqual(['number']);
      expect(fieldErrorPaths(await filer.gql(CANCEL, { number: license.number }))).toEqual(['number']);
      expect(fieldErrorPaths(await filer.gql(CONFIRM, { number: license.number }))).toEqual(['number']);
      expect(await versionCount()).toBe(versions);
    });
  });

  describe('LIC-11 action required', () => {
    it('flags a unit value a thousand times too low, names the field, and lets the filer confirm it', async () => {
      const license = await submit(filer, application({ products: [product({ volumeKg: 20_000_000 })] }));
      expect(license.status).toBe('ACTION_REQUIRED');
      expect(license.flags.map((flag) => flag.path)).toContain('products.0.customsValueUsd');
      expect(license.flags.find((flag) => flag.path === 'products.0.customsValueUsd')?.reason).toMatch(/per kg/);
      const confirmed = await filer.gql<{ confirmLicense: LicenseData }>(CONFIRM, { number: license.number });
      expect(confirmed.data?.confirmLicense).toMatchObject({ status: 'SUBMITTED', flags: [] });
      expect(confirmed.data?.confirmLicense.history.at(-1)?.note).toMatch(/Confirmed without change/);
      expect(fieldErrorPaths(await filer.gql(CONFIRM, { number: license.number }))).toEqual(['number']);
    });

    it('keeps the statistics to the licenses that stand: a correction moves its lines, a cancellation takes them out', async () => {
      const seen = async (scope: string) =>
        (await aim.db.select().from(tables.productStatistics).where(and(eq(tables.productStatistics.scope, scope), eq(tables.productStatistics.measure, 'volume'))))
          .reduce((sum, row) => sum + row.count, 0);
      const [non, alloy] = [await seen('hts10:7601103000'), await seen('hts10:7601203000')];
      const license = await submit(filer);
      expect([await seen('hts10:7601103000'), await seen('hts10:7601203000')]).toEqual([non + 1, alloy + 1]);
      await filer.gql(MODIFY, { number: license.number, input: application({ products: [product(), product()] }) });
      expect([await seen('hts10:7601103000'), await seen('hts10:7601203000')]).toEqual([non + 2, alloy]);
      await filer.gql(CANCEL, { number: license.number });
      expect([await seen('hts10:7601103000'), await seen('hts10:7601203000')]).toEqual([non, alloy]);
    });

    it('a correction that fixes the value becomes CORRECTED', async () => {
      const license = await submit(filer, application({ products: [product({ customsValueUsd: 54 })] }));
      expect(license.status).toBe('ACTION_REQUIRED');
      const corrected = await filer.gql<{ modifyLicense: LicenseData }>(MODIFY, { number: license.number, input: application() });
      expect(corrected.data?.modifyLicense).toMatchObject({ status: 'CORRECTED', flags: [] });
    });
  });

  describe('LIC-12 low value license', () => {
    it('one per importer, compared without case or spaces, until it is cancelled', async () => {
      const { client } = await signedInUser(aim);
      const first = await client.gql<{ submitLowValueLicense: { number: string; kind: string; validThrough: string } }>(LOW_VALUE, { importer: 'Small Parts Co' });
      expect(first.errors).toBeUndefined();
      expect(first.data?.submitLowValueLicense).toMatchObject({ kind: 'LOW_VALUE', validThrough: addDays(today(), 75) });
      const again = await client.gql(LOW_VALUE, { importer: '  small  PARTS co ' });
      expect(fieldErrorPaths(again)).toEqual(['importerName']);
      await client.gql(CANCEL, { number: first.data?.submitLowValueLicense.number });
      expect((await client.gql(LOW_VALUE, { importer: 'Small Parts Co' })).errors).toBeUndefined();
    });

    it('is not a standard license: it cannot be modified with products', async () => {
      const { client } = await signedInUser(aim);
      const low = await client.gql<{ submitLowValueLicense: { number: string } }>(LOW_VALUE, { importer: 'Tiny Imports' });
      expect(fieldErrorPaths(await client.gql(MODIFY, { number: low.data?.submitLowValueLicense.number, input: application() }))).toEqual(['number']);
    });
  });

  describe('DASH-1 the filer’s licenses', () => {
    it('lists newest first, paged by cursor, with every filter', async () => {
      const { client } = await signedInUser(aim);
      const submitted = [];
      for (const importerName of ['Alpha Metals', 'Beta Metals', 'Gamma Metals']) {
        submitted.push(await submit(client, application({ importerName })));
        // The test clock stands still unless moved; a real one has moved between two submits.
        aim.advanceMinutes(0.001);
      }
      await client.gql(CANCEL, { number: submitted[0]?.number });

      type Page = { licenses: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { number: string; status: string; importerName: string } }> } };
      const first = await client.gql<Page>(LICENSES, { first: 2 });
      expect(first.data?.licenses.totalCount).toBe(3);
      expect(first.data?.licenses.edges.map((edge) => edge.node.importerName)).toEqual(['Gamma Metals', 'Beta Metals']);
      expect(first.data?.licenses.pageInfo.hasNextPage).toBe(true);
      const second = await client.gql<Page>(LICENSES, { first: 2, after: first.data?.licenses.pageInfo.endCursor });
      expect(second.data?.licenses.edges.map((edge) => edge.node.importerName)).toEqual(['Alpha Metals']);
      expect(second.data?.licenses.pageInfo.hasNextPage).toBe(false);

      const names = async (filter: Record<string, unknown>) =>
        (await client.gql<Page>(LICENSES, { filter })).data?.licenses.edges.map((edge) => edge.node.importerName);
      expect(await names({ statuses: ['CANCELLED'] })).toEqual(['Alpha Metals']);
      expect(await names({ text: 'beta' })).toEqual(['Beta Metals']);
      expect(await names({ text: submitted[2]?.number.slice(2, 7) })).toEqual(['Gamma Metals']);
      expect(await names({ kinds: ['LOW_VALUE'] })).toEqual([]);
      expect(await names({ createdFrom: today(), createdTo: today() })).toHaveLength(3);
      expect(await names({ createdTo: addDays(today(), -1) })).toEqual([]);
      expect(await names({ importFrom: addDays(today(), 10), importTo: addDays(today(), 10) })).toHaveLength(3);
      expect(await names({ importFrom: addDays(today(), 11) })).toEqual([]);
      expect(fieldErrorPaths(await client.gql(LICENSES, { first: 1000 }))).toEqual(['first']);
      expect(fieldErrorPaths(await client.gql(LICENSES, { after: 'not-a-cursor' }))).toEqual(['after']);
    });
  });

  describe('X-2 another company’s licenses', () => {
    it('are invisible and unchangeable, with a session and with a token', async () => {
      const { client: owner } = await signedInUser(aim);
      const license = await submit(owner, application({ importerName: 'Secretive Imports' }));
      const { client: other } = await signedInUser(aim);
      const token = (await other.gql<{ createApiToken: { secret: string } }>('mutation { createApiToken(name: "ci") { secret } }')).data?.createApiToken.secret;
      const versions = await versionCount();
      for (const intruder of [other, aim.client({ token })]) {
        expect((await intruder.gql(LICENSE, { number: license.number })).data).toEqual({ license: null });
        const found = await intruder.gql<{ licenses: { totalCount: number } }>(LICENSES, { filter: { text: license.number } });
        expect(found.data?.licenses.totalCount).toBe(0);
        expect(errorCode(await intruder.gql(MODIFY, { number: license.number, input: application() }))).toBe('NOT_FOUND');
        expect(errorCode(await intruder.gql(CONFIRM, { number: license.number }))).toBe('NOT_FOUND');
        expect(errorCode(await intruder.gql(CANCEL, { number: license.number }))).toBe('NOT_FOUND');
      }
      expect(await versionCount()).toBe(versions);
      expect((await owner.gql<{ license: LicenseData }>(LICENSE, { number: license.number })).data?.license.status).toBe('SUBMITTED');
    });

    it('ACC-7 a program files with an API token', async () => {
      const token = (await filer.gql<{ createApiToken: { secret: string } }>('mutation { createApiToken(name: "broker software") { secret } }')).data?.createApiToken.secret;
      const license = await submit(aim.client({ token }));
      expect(license.status).toBe('SUBMITTED');
    });
  });

  describe('DASH-2 exports', () => {
    async function download(client: TestClient, query: string) {
      const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      return fetch(`${aim.origin}/api/licenses/export?${query}`, { headers: { cookie } });
    }

    it('exports exactly the filtered licenses as CSV and Excel, one row per product line', async () => {
      const { client } = await signedInUser(aim);
      const kept = await submit(client, application({ importerName: 'Exported Metals' }));
      await submit(client, application({ importerName: 'Other Metals' }));
      const filter = encodeURIComponent(JSON.stringify({ text: 'exported' }));

      const csv = await download(client, `format=csv&filter=${filter}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="?aim-licenses-[\d-]+\.csv"?$/);
      const bytes = new Uint8Array(await csv.clone().arrayBuffer());
      // A byte-order mark first, so Excel reads UTF-8.
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = (await csv.text()).trim().split('\n');
      expect(lines[0]).toMatch(/^License number,Kind,Status/);
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([kept.number, kept.number]);
      expect(lines[1]).toContain('Exported Metals');
      expect(lines.join('\n')).not.toContain('Other Metals');

      const xlsx = await download(client, `format=xlsx&filter=${filter}`);
      expect(xlsx.status).toBe(200);
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await xlsx.arrayBuffer());
      const sheet = workbook.getWorksheet('Licenses');
      expect(sheet?.rowCount).toBe(3);
      expect(sheet?.getRow(2).getCell(1).value).toBe(kept.number);
    });

    it('X-2 never exports another company’s licenses, and refuses bad parameters', async () => {
      const { client: owner } = await signedInUser(aim);
      const license = await submit(owner);
      const { client: other } = await signedInUser(aim);
      const theirs = await download(other, `format=csv&filter=${encodeURIComponent(JSON.stringify({ text: license.number }))}`);
      expect((await theirs.text()).trim().split('\n')).toHaveLength(1);
      expect((await fetch(`${aim.origin}/api/licenses/export?format=csv`)).status).toBe(401);
      const token = (await other.gql<{ createApiToken: { secret: string } }>('mutation { createApiToken(name: "export") { secret } }')).data?.createApiToken.secret;
      const withToken = await fetch(`${aim.origin}/api/licenses/export?format=csv&filter=${encodeURIComponent(JSON.stringify({ text: license.number }))}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(withToken.status).toBe(200);
      expect((await withToken.text()).trim().split('\n')).toHaveLength(1);
      const badFilter = await download(owner, `format=csv&filter=${encodeURIComponent('{"statuses":["LOST"]}')}`);
      expect(badFilter.status).toBe(400);
      expect(await badFilter.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', message: expect.stringContaining('filter.statuses') } });
      expect((await download(owner, 'format=pdf')).status).toBe(400);
    });
  });

  describe('DASH-3 the printable license', () => {
    const print = (client: TestClient, number: string) =>
      fetch(`${aim.origin}/api/licenses/${encodeURIComponent(number)}/print`, {
        headers: { cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      });

    it('is an HTML page with every field, the validity dates, the status and the number, its text escaped', async () => {
      const { client } = await signedInUser(aim);
      const license = await submit(client, application({ importerName: 'Smith & <Sons> Metals', entryType: 'FOREIGN_TRADE_ZONE' }));
      const response = await print(client, license.number.toLowerCase());
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      const html = await response.text();
      expect(html).toContain(`<p class="number">${license.number}</p>`);
      expect(html).toContain('Smith &amp; &lt;Sons&gt; Metals');
      expect(html).not.toContain('<Sons>');
      expect(html).toContain('Does not expire (foreign-trade zone)');
      expect(html).toContain('7601.10.3000');
      expect(html).toContain('$2.70 per kg');
      expect(html).toContain('@page');
    });

    it('X-2 answers another company’s number, and an unknown one, with the same 404; signed out, 401', async () => {
      const { client: owner } = await signedInUser(aim);
      const license = await submit(owner);
      const { client: other } = await signedInUser(aim);
      const theirs = await print(other, license.number);
      const unknown = await print(other, 'ZZZZZZZZZ');
      expect([theirs.status, unknown.status]).toEqual([404, 404]);
      expect(await theirs.text()).toBe(await unknown.text());
      expect((await print(aim.client(), license.number)).status).toBe(401);
    });
  });

  describe('DASH-2 saved searches', () => {
    it('saves, lists and deletes a named filter, each filer their own', async () => {
      const { client } = await signedInUser(aim);
      const saved = await client.gql<{ saveSearch: { id: string; filter: { statuses: string[]; text: string | null } } }>(
        'mutation ($filter: LicenseFilter!) { saveSearch(name: "Flagged", filter: $filter) { id name filter { statuses text importFrom } } }',
        { filter: { statuses: ['ACTION_REQUIRED'] } },
      );
      expect(saved.data?.saveSearch.filter).toEqual({ statuses: ['ACTION_REQUIRED'], text: null, importFrom: null });
      expect((await client.gql('{ savedSearches { name } }')).data).toEqual({ savedSearches: [{ name: 'Flagged' }] });
      const { client: other } = await signedInUser(aim);
      const id = saved.data?.saveSearch.id;
      expect(errorCode(await other.gql('mutation ($id: ID!) { deleteSavedSearch(id: $id) }', { id }))).toBe('NOT_FOUND');
      expect((await client.gql('mutation ($id: ID!) { deleteSavedSearch(id: $id) }', { id })).data).toEqual({ deleteSavedSearch: true });
      expect((await client.gql('{ savedSearches { name } }')).data).toEqual({ savedSearches: [] });
      expect(fieldErrorPaths(await client.gql('mutation { saveSearch(name: " ", filter: {}) { id } }'))).toEqual(['name']);
    });
  });

  describe('REV-1 analysts', () => {
    const FLAG = `mutation ($number: String!, $flags: [FlagInput!]!, $message: String!) {
      flagLicense(number: $number, flags: $flags, message: $message) { status flags { path reason } history { version status by note } } }`;
    const CLEAR = 'mutation ($number: String!) { clearFlags(number: $number, note: "Checked with the importer") { status flags { path } history { status by note } } }';
    const QUEUE = `query ($filter: ReviewFilter) { reviewQueue(filter: $filter, first: 100) { totalCount edges { node { number status flags { reason } } } } }`;

    it('flag by hand with a message, clear the flag; each action recorded with who', async () => {
      const { client: analyst } = await signedInUser(aim, { role: 'ANALYST' });
      const license = await submit(filer);
      const flagged = await analyst.gql<{ flagLicense: LicenseData }>(FLAG, {
        number: license.number,
        flags: [{ path: 'products.0.mostRecentCast', reason: 'Cast country looks unlikely for this smelter.' }],
        message: 'Please check the country of most recent cast.',
      });
      expect(flagged.errors).toBeUndefined();
      expect(flagged.data?.flagLicense).toMatchObject({ status: 'ACTION_REQUIRED', flags: [{ path: 'products.0.mostRecentCast' }] });
      expect(flagged.data?.flagLicense.history.at(-1)).toMatchObject({ status: 'ACTION_REQUIRED', by: expect.stringContaining('Commerce analyst'), note: 'Please check the country of most recent cast.' });
      // The filer sees the flag on their license.
      expect((await filer.gql<{ license: LicenseData }>(LICENSE, { number: license.number })).data?.license.flags[0]?.reason).toMatch(/Cast country/);

      const queue = await analyst.gql<{ reviewQueue: { edges: Array<{ node: { number: string } }> } }>(QUEUE, { filter: { flaggedOnly: true } });
      expect(queue.data?.reviewQueue.edges.map((edge) => edge.node.number)).toContain(license.number);
      expect((await analyst.gql<{ reviewLicense: { number: string } }>('query ($n: String!) { reviewLicense(number: $n) { number } }', { n: license.number })).data?.reviewLicense.number).toBe(license.number);

      const cleared = await analyst.gql<{ clearFlags: LicenseData }>(CLEAR, { number: license.number });
      expect(cleared.data?.clearFlags).toMatchObject({ status: 'SUBMITTED', flags: [] });
      expect(cleared.data?.clearFlags.history.at(-1)).toMatchObject({ by: expect.stringContaining('Commerce analyst'), note: 'Checked with the importer' });
    });

    it('ACC-7 filers cannot use the analysts’ operations', async () => {
      const license = await submit(filer);
      expect(errorCode(await filer.gql(QUEUE))).toBe('FORBIDDEN');
      expect(errorCode(await filer.gql(FLAG, { number: license.number, flags: [{ path: 'importerName', reason: 'x' }], message: 'x' }))).toBe('FORBIDDEN');
      expect(errorCode(await filer.gql(CLEAR, { number: license.number }))).toBe('FORBIDDEN');
    });

    it('refuses a flag without fields or message', async () => {
      const { client: analyst } = await signedInUser(aim, { role: 'ANALYST' });
      const license = await submit(filer);
      expect(fieldErrorPaths(await analyst.gql(FLAG, { number: license.number, flags: [], message: ' ' }))).toEqual(['flags', 'message']);
      expect(errorCode(await analyst.gql(FLAG, { number: 'ZZZZZZZZZ', flags: [{ path: 'importerName', reason: 'x' }], message: 'x' }))).toBe('NOT_FOUND');
    });
  });
});
