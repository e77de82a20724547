import 'reflect-metadata';
import { type GraphQLSchema, Kind, type OperationDefinitionNode, buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { limitBroken, measureOperation, operationLimits, operationLimitsPlugin } from './limits.js';
import { servedSchema } from './schema.js';

function measure(schema: GraphQLSchema, query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  return measureOperation(schema, document, operation, variables);
}

/** `fragment F1 on Query { htsCodes { code } } fragment F2 on Query { ...F1 ...F1 }`… up to `levels`. */
function fragmentDoubling(levels: number): string {
  const fragments = ['fragment F1 on Query { htsCodes { code } }'];
  for (let level = 2; level <= levels; level++) fragments.push(`fragment F${level} on Query { ...F${level - 1} ...F${level - 1} }`);
  return `{ ...F${levels} } ${fragments.join(' ')}`;
}

describe('operation limits', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await servedSchema();
  });

  it('lets the standard introspection query through', () => {
    expect(limitBroken(measure(schema, getIntrospectionQuery()))).toBeUndefined();
  });

  it('#10.3 counts list sizes: htsCodes holds up to 100 codes, so 50 aliased copies of 5 fields cost more than the limit', () => {
    expect(measure(schema, '{ htsCodes { code display } }').cost).toBe(100 * 3);
    const aliased = Array.from({ length: 50 }, (_, index) => `a${index}: htsCodes { code display description hts6 productType }`);
    const measured = measure(schema, `{ ${aliased.join(' ')} }`);
    expect(measured.cost).toBe(50 * 100 * 6);
    expect(limitBroken(measured)).toMatch(/costs 30000, more than the limit of 25000/);
  });

  it('#10.3 sizes a paged field by its `first`, from a literal, a variable or the default', () => {
    const table = 'query ($first: Int) { monitor { table(groupBy: [MONTH], first: $first) { cells { month metricTons } } } }';
    expect(measure(schema, table, { first: 10 }).cost).toBe(1 + (1 + 1 + 2) * 10);
    // The contract's default page of 1,000 cells.
    expect(measure(schema, '{ monitor { table(groupBy: [MONTH]) { cells { month } } } }').cost).toBe(1 + (1 + 1 + 1) * 1000);
    expect(limitBroken(measure(schema, table, { first: 1_000_000 }))).toMatch(/more than the limit/);
  });

  it('#10.3 caps aliases, wherever they stand', () => {
    const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: me { email }`).join(' ')} }`;
    expect(limitBroken(measure(schema, aliased(operationLimits.maxAliases)))).toBeUndefined();
    expect(limitBroken(measure(schema, aliased(operationLimits.maxAliases + 1)))).toMatch(/51 aliases, more than the limit of 50/);
  });

  it('#10.3 makes aliased copies of the introspection query expensive', () => {
    const copies = Array.from({ length: 7 }, (_, index) => `s${index}: __schema { types { name } }`);
    expect(limitBroken(measure(schema, `{ ${copies.join(' ')} }`))).toMatch(/more than the limit/);
  });

  it('#10.4 measures each fragment once: 60 levels of doubling are measured at once and refused for their cost', () => {
    // Expanding 2^60 spreads would never finish; the measure reuses each fragment's.
    const measured = measure(schema, fragmentDoubling(60));
    expect(measured.cost).toBe(2 ** 59 * 200);
    expect(limitBroken(measured)).toMatch(/more than the limit/);
  });

  it('#10.4 does not recurse forever on a fragment cycle (graphql refuses the cycle itself)', () => {
    expect(measure(schema, '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A me { email } }').cost).toBe(2);
  });

  it('refuses a query nested deeper than the limit, introspection not counted', () => {
    const recursive = buildSchema('type Query { node: Node } type Node { id: ID child: Node }');
    // `depth` fields that hold a selection, then the leaf.
    const nested = (depth: number) => `{ node { ${'child { '.repeat(depth - 1)}id${' }'.repeat(depth)} }`;
    expect(measure(recursive, nested(operationLimits.maxDepth)).depth).toBe(operationLimits.maxDepth);
    expect(limitBroken(measure(recursive, nested(operationLimits.maxDepth)))).toBeUndefined();
    expect(limitBroken(measure(recursive, nested(operationLimits.maxDepth + 1)))).toMatch(/nested 11 levels deep, more than the limit of 10/);
  });

  it('#10.3 refuses what it cannot measure, rather than running it unmeasured', async () => {
    const hooks = await operationLimitsPlugin.requestDidStart?.({} as never);
    const broken = { request: { variables: {} }, document: { definitions: null }, operation: {}, schema } as never;
    await expect(hooks?.didResolveOperation?.(broken)).rejects.toThrow(/could not be measured/);
  });
});
