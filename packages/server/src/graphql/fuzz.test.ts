import { testEngines } from '@aim/db/testing';
import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser } from '../testing/accounts.js';
import { type TestClient, type TestServer, startTestServer } from '../testing/test-server.js';
import { servedSchema } from './schema.js';

// Strings a hostile or careless client sends: control characters, lone surrogates, SQL and
// LIKE wildcards, very long text, look-alikes of real values.
const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', '%', '_', "' or 1=1 --", '7601.10.3000', 'CA', '3801', 'ZZ', '2026-02-30', '9999-99-99', 'x'.repeat(5000)),
);

const anyJson = fc.oneof(nastyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

/** Values for a GraphQL input type: mostly of the right shape, sometimes not at all. */
function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return fc.oneof({ weight: 9, arbitrary: valueOf(type.ofType, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  const wrong = anyJson;
  if (isListType(type)) return fc.oneof({ weight: 4, arbitrary: fc.array(valueOf(type.ofType, depth + 1), { maxLength: depth > 1 ? 1 : 4 }) }, { weight: 1, arbitrary: wrong });
  if (isEnumType(type)) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...type.getValues().map((value) => value.name)) }, { weight: 1, arbitrary: wrong });
  if (isInputObjectType(type)) {
    const fields = Object.fromEntries(Object.entries(type.getFields()).map(([name, field]) => [name, valueOf(field.type, depth + 1)]));
    return fc.oneof({ weight: 4, arbitrary: fc.record(fields, { requiredKeys: [] }) }, { weight: 1, arbitrary: wrong });
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1), wrong);
      case 'Float':
        return fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -1, 1e308, 0.001), wrong);
      case 'Boolean':
        return fc.oneof(fc.boolean(), wrong);
      case 'Date':
        return fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)), wrong);
      default:
        return nastyString;
    }
  }
  return wrong;
}

interface Operation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

function operationText({ kind, field }: Operation): string {
  const declared = field.args.map((arg: GraphQLArgument) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind}${declared ? ` (${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}

describe.each(testEngines())('every operation with generated arguments on %s', (engine) => {
  let aim: TestServer;
  let schema: GraphQLSchema;
  let clients: TestClient[];
  beforeAll(async () => {
    aim = await startTestServer(engine);
    schema = await servedSchema();
    clients = [aim.client(), (await signedInUser(aim)).client, (await signedInUser(aim, { role: 'ANALYST' })).client];
  });
  afterAll(() => aim?.close());

  it('#5 item 12: never answers INTERNAL_SERVER_ERROR, whatever the arguments and whoever asks', async () => {
    const operations: Operation[] = [
      ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({ kind: 'query' as const, field })),
      // Signing out or in would change who the next run is; they take no hostile input beyond strings.
      ...Object.values(schema.getMutationType()?.getFields() ?? {})
        .filter((field) => field.name !== 'signOut')
        .map((field) => ({ kind: 'mutation' as const, field })),
    ];
    const request = fc.constantFrom(...operations).chain((operation) =>
      fc.tuple(
        fc.constant(operation),
        fc.record(Object.fromEntries(operation.field.args.map((arg) => [arg.name, valueOf(arg.type)]))),
        fc.integer({ min: 0, max: 2 }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(request, async ([operation, variables, who]) => {
        const client = clients[who];
        if (!client) return;
        const response = await client.gql(operationText(operation), variables);
        const codes = (response.errors ?? []).map((error) => error.extensions?.code);
        expect(codes, `${operation.field.name} ${JSON.stringify(variables).slice(0, 300)}`).not.toContain('INTERNAL_SERVER_ERROR');
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 400, seed: 20261129 },
    );
  }, 120_000);
});
