import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { servedSchema } from './schema.js';

const contractUrl = new URL('../../contract/contract.graphql', import.meta.url);
// A clone inside the AIM workspace also has the shared original beside it.
const sharedUrl = new URL('../../../../../shared/api/contract.graphql', import.meta.url);

describe('the served schema and the public contract', () => {
  const contract = buildSchema(readFileSync(contractUrl, 'utf8'));

  it('has no breaking change against contract.graphql', async () => {
    expect(findBreakingChanges(contract, await servedSchema())).toEqual([]);
  });

  it('has no dangerous change either (defaults, enum values, optional args)', async () => {
    expect(findDangerousChanges(contract, await servedSchema())).toEqual([]);
  });

  it.runIf(existsSync(sharedUrl))('keeps its contract copy identical to the shared original', () => {
    expect(readFileSync(contractUrl, 'utf8')).toBe(readFileSync(sharedUrl, 'utf8'));
  });

  it('is the schema committed in schema.graphql, which the apps type their operations against', async () => {
    const { printSchema } = await import('graphql');
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed.trim()).toBe(printSchema(await servedSchema()).trim());
  });
});
