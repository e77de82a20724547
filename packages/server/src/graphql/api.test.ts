import { testEngines } from '@aim/db/testing';
import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type TestServer, errorCode, startTestServer } from '../testing/test-server.js';
import { MAX_DEPTH, depthLimitRule } from './limits.js';

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

    it('resolves each HTS code’s product group through one batched query, not one per code', async () => {
      const select = vi.spyOn(aim.db, 'select');
      try {
        const response = await aim.client().gql('{ htsCodes { code productGroup { name } } }');
        expect(response.errors).toBeUndefined();
        // One for the codes, one for all their product groups.
        expect(select).toHaveBeenCalledTimes(2);
      } finally {
        select.mockRestore();
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

    it('refuses a query nested deeper than the limit', () => {
      // The served schema has no cycles yet, so the rule is checked on one that has.
      const recursive = buildSchema('type Query { node: Node } type Node { id: ID child: Node }');
      // `depth` fields that hold a selection, then the leaf.
      const nested = (depth: number) => `{ node { ${'child { '.repeat(depth - 1)}id${' }'.repeat(depth)} }`;
      expect(validate(recursive, parse(nested(MAX_DEPTH)), [depthLimitRule])).toEqual([]);
      expect(validate(recursive, parse(nested(MAX_DEPTH + 1)), [depthLimitRule])[0]?.message).toMatch(/exceeds maximum operation depth/);
    });

    it('refuses a query that costs more than the limit before running it', async () => {
      const aliases = Array.from({ length: 400 }, (_, index) => `a${index}: htsCodes { code display hts6 description productType }`);
      const response = await aim.client().gql(`{ ${aliases.join(' ')} }`);
      expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.errors?.[0]?.message).toMatch(/more than the limit of 2000/);
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

    it('answers unknown API routes with the JSON error shape', async () => {
      const response = await fetch(`${aim.origin}/api/nothing-here`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No such API route.' } });
    });
  });
});
