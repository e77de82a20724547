import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Deeper than any screen needs; introspection fields (`__schema`…) are not counted by the rule. */
export const MAX_DEPTH = 10;
/** Each field costs 1, so this bounds the size of a response tree. */
export const MAX_COST = 2000;

export const depthLimitRule = depthLimit(MAX_DEPTH);

function costOf(options: Omit<Parameters<typeof getComplexity>[0], 'estimators'>): number {
  return getComplexity({ ...options, estimators: [simpleEstimator({ defaultComplexity: 1 })] });
}

/** Refuses an operation whose estimated cost is above MAX_COST before anything is resolved. */
export const costLimitPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema }) {
        let cost: number;
        try {
          cost = costOf({
            schema,
            query: document,
            ...(request.operationName ? { operationName: request.operationName } : {}),
            variables: request.variables ?? {},
          });
        } catch {
          // Variables that do not fit the schema: execution refuses them as BAD_USER_INPUT, field by field.
          return;
        }
        if (cost > MAX_COST) {
          throw new GraphQLError(`This query costs ${cost}, more than the limit of ${MAX_COST}. Ask for fewer fields.`, {
            extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED },
          });
        }
      },
    };
  },
};
