import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * Typed GraphQL documents, checked against packages/server/schema.graphql. Both apps talk to the one
 * API, so they share this function and its one generated introspection (`pnpm --filter @aim/ui graphql:generate`).
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  // The custom scalars travel as JSON strings.
  scalars: { Date: string; DateTime: string; YearMonth: string; CountryCode: string };
  // The pages read fragment fields directly; masking would only add readFragment calls.
  disableMasking: true;
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';
