import { testEngines } from '@aim/db/testing';
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tables } from '@aim/db';
import { Table, eq, getTableName, is } from 'drizzle-orm';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeError } from '../log-error.js';
import { type TestServer, errorCode, fieldErrorPaths, startTestServer } from '../testing/test-server.js';

describe.each(testEngines())('the GraphQL API on %s', (engine) => {
  let aim: TestServer;
  beforeAll(async () => {
    aim = await startTestServer(engine);
  });
  afterAll(() => aim?.close());

  describe('reference data', () => {
    it('lists the 16 aluminum product groups in display order', async () => {
      const { data } = await aim.client().gql<{ productGroups: Array<{ id: string; name: string; productType: string }> }>(
        '{ productGroups { id name productType } }',
      );
      expect(data?.productGroups).toHaveLength(16);
      expect(data?.productGroups[0]).toEqual({ id: '1', name: 'Unwrought Aluminum - Non-Alloy', productType: 'ALUMINUM' });
      expect((await aim.client().gql('{ productGroups(productType: STEEL) { id } }')).data).toEqual({ productGroups: [] });
    });

    it('LIC-2 lists only current HTS codes for new licenses, each with its product group', async () => {
      const { data } = await aim.client().gql<{ htsCodes: Array<{ code: string; productGroup: { name: string } }> }>(
        '{ htsCodes { code display hts6 productGroup { name } } }',
      );
      expect(data?.htsCodes).toHaveLength(67);
      expect(data?.htsCodes.map((hts) => hts.code)).not.toContain('7601106030');
      expect(data?.htsCodes[0]).toMatchObject({ code: '7601103000', productGroup: { name: 'Unwrought Aluminum - Non-Alloy' } });
    });

    it('LIC-2 finds any covered code, dotted or not, historical ones included', async () => {
      const query = 'query ($code: String!) { hts(code: $code) { code display description productGroup { id } } }';
      expect((await aim.client().gql(query, { code: '7601.10.3000' })).data).toMatchObject({
        hts: { code: '7601103000', display: '7601.10.3000', productGroup: { id: '1' } },
      });
      expect((await aim.client().gql(query, { code: '7601106030' })).data).toMatchObject({ hts: { code: '7601106030' } });
      expect((await aim.client().gql(query, { code: '7208.10.1500' })).data).toEqual({ hts: null });
      expect((await aim.client().gql(query, { code: 'nonsense' })).data).toEqual({ hts: null });
    });

    it('answers reference data from memory: once read, no request queries the database for them', async () => {
      await aim.client().gql('{ htsCodes { code } }');
      // The tables read while the requests run (the outbox worker may read its own meanwhile).
      const read: string[] = [];
      const select = aim.db.select.bind(aim.db);
      const spy = vi.spyOn(aim.db, 'select').mockImplementation(((...fields: Parameters<typeof select>) => {
        const query = select(...fields);
        const from = query.from.bind(query);
        return Object.assign(query, {
          from: (table: Parameters<typeof from>[0]) => {
            if (is(table, Table)) read.push(getTableName(table));
            return from(table);
          },
        });
      }) as typeof aim.db.select);
      try {
        const response = await aim.client().gql('{ htsCodes { code productGroup { name } } countries { code } ports(search: "detroit") { code } hts(code: "7601.10.3000") { code } }');
        expect(response.errors).toBeUndefined();
        expect(read.filter((table) => ['countries', 'ports', 'product_groups', 'hts_codes'].includes(table))).toEqual([]);
      } finally {
        spy.mockRestore();
      }
    });

    it('LIC-5 lists ISO countries spelled out, and searches CBP ports by code or name', async () => {
      const { data } = await aim.client().gql<{ countries: Array<{ code: string; name: string }> }>('{ countries { code name } }');
      expect(data?.countries.length).toBeGreaterThan(240);
      expect(data?.countries).toContainEqual({ code: 'CA', name: 'Canada' });
      const ports = await aim.client().gql<{ ports: Array<{ code: string; name: string }> }>(
        'query ($search: String) { ports(search: $search) { code name state } }',
        { search: 'detroit' },
      );
      expect(ports.data?.ports).toContainEqual({ code: '3801', name: 'DETROIT', state: 'MI' });
      const byCode = await aim.client().gql('{ ports(search: "3801") { name } }');
      expect(byCode.data).toEqual({ ports: [{ name: 'DETROIT' }] });
      const wildcard = await aim.client().gql<{ ports: unknown[] }>('{ ports(search: "%") { code } }');
      expect(wildcard.data?.ports).toEqual([]);
    });
  });

  describe('limits and errors', () => {
    it('lets the standard introspection query through the depth and cost limits', async () => {
      const response = await aim.client().gql(getIntrospectionQuery());
      expect(response.errors).toBeUndefined();
      expect(response.data).toHaveProperty('__schema');
    });

    it('#10.3 refuses a query that costs more than the limit before running it, as a 400', async () => {
      const aliases = Array.from({ length: 45 }, (_, index) => `a${index}: htsCodes { code display hts6 description productType }`);
      const response = await aim.client().gql(`{ ${aliases.join(' ')} }`);
      expect(response.status).toBe(400);
      expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.errors?.[0]?.message).toMatch(/costs 27000, more than the limit of 25000/);
    });

    it('#10.3 refuses 6,000 aliased copies of htsCodes (275 KB) while parsing, without running any', async () => {
      const aliases = Array.from({ length: 6000 }, (_, index) => `a${index}: htsCodes { code display description hts6 }`);
      const response = await aim.client().gql(`{ ${aliases.join(' ')} }`);
      // A parse failure: nothing was validated, measured or run.
      expect(response.status).toBe(400);
      expect(errorCode(response)).toBe('GRAPHQL_PARSE_FAILED');
      expect(response.errors?.[0]?.message).toMatch(/5000 tokens/);
      expect(response.data).toBeUndefined();
    });

    it('#10.4 refuses 26 levels of doubling fragments for their cost, and a fragment cycle as invalid', async () => {
      const fragments = ['fragment F1 on Query { htsCodes { code } }'];
      for (let level = 2; level <= 26; level++) fragments.push(`fragment F${level} on Query { ...F${level - 1} ...F${level - 1} }`);
      const doubling = await aim.client().gql(`{ ...F26 } ${fragments.join(' ')}`);
      expect(doubling.status).toBe(400);
      expect(doubling.errors?.[0]?.message).toMatch(/more than the limit/);

      const cycle = await aim.client().gql('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
      expect(cycle.status).toBe(400);
      expect(errorCode(cycle)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(cycle.errors?.[0]?.message).toMatch(/Cannot spread fragment "A" within itself/);
    });

    it('#10.9 refuses control characters in any string argument as BAD_USER_INPUT naming the field, and writes nothing', async () => {
      const signIn = await aim.client().gql('mutation ($email: String!) { signIn(email: $email, password: "x") { user { email } } }', {
        email: 'a\u0000@example.com',
      });
      expect(signIn.status).toBe(400);
      expect(errorCode(signIn)).toBe('BAD_USER_INPUT');
      expect(fieldErrorPaths(signIn)).toEqual(['email']);

      const inline = await aim.client().gql('{ ports(search: "DET\\u0000") { code } }');
      expect(errorCode(inline)).toBe('BAD_USER_INPUT');
      expect(fieldErrorPaths(inline)).toEqual(['search']);

      const profile = await aim.client().gql('mutation ($input: ProfileInput!) { updateProfile(input: $input) { email } }', {
        input: { ein: '38-2745619', companyName: 'Acme\u0000', companyType: 'IMPORTER', street: '1 Main\u0007', city: 'Detroit', state: 'MI', zip: '48207', phone: '313-555-0142' },
      });
      expect(fieldErrorPaths(profile)).toEqual(['companyName', 'street']);

      const token = await aim.client().gql('mutation ($name: String!) { createApiToken(name: $name) { secret } }', { name: 'ci\u0000' });
      expect(fieldErrorPaths(token)).toEqual(['name']);
      expect(await aim.db.select().from(tables.apiTokens)).toEqual([]);
    });

    it('#10.9 keeps line breaks and tabs, which addresses and messages need', async () => {
      const response = await aim.client().gql('query ($search: String) { ports(search: $search) { code } }', { search: 'x\ty\nz' });
      expect(response.errors).toBeUndefined();
    });

    it('#10.9 names a top-level variable of the wrong type as the field', async () => {
      const wrongType = await aim.client().gql('mutation ($email: String!) { requestSignUpCode(email: $email) }', { email: 5 });
      expect(wrongType.status).toBe(400);
      expect(errorCode(wrongType)).toBe('BAD_USER_INPUT');
      expect(fieldErrorPaths(wrongType)).toEqual(['email']);
      const missing = await aim.client().gql('mutation ($email: String!) { requestSignUpCode(email: $email) }', {});
      expect(fieldErrorPaths(missing)).toEqual(['email']);
    });

    it('#10.9 logs a failed query without its parameters', async () => {
      const secret = 'victim@example.com\u0000';
      const failure = await aim.db.select().from(tables.users).where(eq(tables.users.email, secret)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      const logged = describeError(failure);
      expect(logged).toMatch(/users/);
      expect(logged).not.toContain('victim@example.com');
    });

    it('answers a malformed query with a request error and no stack trace', async () => {
      const response = await aim.client().gql('{ productGroups { nope } }');
      expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(response)).not.toMatch(/stacktrace|\bat .*\.js:\d+/);
    });

    it('says plainly that licensing mutations are not released yet, after the access check', async () => {
      const preview = 'mutation { cancelLicense(number: "ABC123XYZ") { number } }';
      expect(errorCode(await aim.client().gql(preview))).toBe('UNAUTHENTICATED');
    });
  });

  describe('HTTP surface', () => {
    it('answers /healthz once the database answers', async () => {
      const response = await fetch(`${aim.origin}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('refuses a GraphQL GET without the CSRF-prevention header, as Apollo does', async () => {
      const response = await fetch(`${aim.origin}/graphql?query=${encodeURIComponent('{ productGroups { id } }')}`);
      expect(response.status).toBe(400);
      const allowed = await fetch(`${aim.origin}/graphql?query=${encodeURIComponent('{ productGroups { id } }')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(allowed.status).toBe(200);
    });

    it('answers a body that is not JSON, or too large, with the JSON error shape and no stack trace', async () => {
      const post = (body: string) =>
        fetch(`${aim.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const malformed = await post('{"query": ');
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' } });
      const huge = await post(JSON.stringify({ query: `{ me { email } }${' '.repeat(2_000_000)}` }));
      expect(huge.status).toBe(413);
      expect(await huge.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    });

    it('sends security headers with every page: a same-origin CSP, nosniff, no framing by others', async () => {
      const response = await fetch(`${aim.origin}/healthz`);
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('x-powered-by')).toBeNull();
    });

    it('#10.9 answers a body that does not inflate, and a path that does not decode, with a 400', async () => {
      const badGzip = await fetch(`${aim.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: Buffer.concat([gzipSync('{"query":"{ __typename }"}').subarray(0, 12), Buffer.from('not gzip at all')]),
      });
      expect(badGzip.status).toBe(400);
      expect(await badGzip.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
      const overlong = await fetch(`${aim.origin}/licensing/%c0%ae%c0%ae/etc/passwd`);
      expect(overlong.status).toBe(400);
      expect(await overlong.text()).not.toMatch(/\bat .*\.js:\d+/);
    });

    it('#10.6 takes the client address one trusted hop from the right, so a forged X-Forwarded-For cannot dodge the limit', async () => {
      const statuses: Array<string | undefined> = [];
      for (let attempt = 0; attempt < 32; attempt++) {
        const response = await fetch(`${aim.origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${attempt}, 203.0.113.7` },
          body: JSON.stringify({ query: 'mutation { signIn(email: "nobody@example.com", password: "wrong") { user { email } } }' }),
        });
        statuses.push(((await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code);
      }
      // ACC-4: 30 requests per client address in 15 minutes.
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
      expect(statuses.slice(30)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    });

    it('#10.10 answers a missing file with 404, not the app page, and caches hashed assets for a year', async () => {
      for (const path of ['/favicon.ico', '/licensing/assets/missing-abc123.js', '/robots.txt', '/licensing/nothing.png']) {
        const response = await fetch(`${aim.origin}${path}`);
        expect(response.status, path).toBe(404);
      }
      const deepLink = await fetch(`${aim.origin}/licensing/account`);
      expect(deepLink.status).toBe(200);
      expect(deepLink.headers.get('cache-control')).toBe('no-cache');
      const [asset] = readdirSync(new URL('../../../../apps/licensing/dist/assets/', import.meta.url)).filter((file) => file.endsWith('.js'));
      const hashed = await fetch(`${aim.origin}/licensing/assets/${asset}`);
      expect(hashed.status).toBe(200);
      expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    });

    it('answers unknown API routes with the JSON error shape', async () => {
      const response = await fetch(`${aim.origin}/api/nothing-here`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No such API route.' } });
    });
  });
});
