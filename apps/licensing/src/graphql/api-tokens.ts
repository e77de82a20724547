import { type ResultOf, graphql } from '@aim/ui';

const ApiTokenFields = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    createdAt
    lastUsedAt
  }
`);

export type ApiToken = ResultOf<typeof ApiTokenFields>;

export const ApiTokensQuery = graphql(
  `
    query ApiTokens {
      apiTokens {
        ...ApiTokenFields
      }
    }
  `,
  [ApiTokenFields],
);

export const CreateApiTokenMutation = graphql(
  `
    mutation CreateApiToken($name: String!) {
      createApiToken(name: $name) {
        secret
        token {
          ...ApiTokenFields
        }
      }
    }
  `,
  [ApiTokenFields],
);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id)
  }
`);
