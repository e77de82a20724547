import { type ResultOf, graphql } from '@aim/ui';

const SavedSearchFields = graphql(`
  fragment SavedSearchFields on SavedSearch {
    id
    name
    createdAt
    filter {
      statuses
      kinds
      productType
      createdFrom
      createdTo
      importFrom
      importTo
      text
    }
  }
`);

export const SavedSearchesQuery = graphql(
  `
    query SavedSearches {
      savedSearches {
        ...SavedSearchFields
      }
    }
  `,
  [SavedSearchFields],
);

export type SavedSearch = ResultOf<typeof SavedSearchesQuery>['savedSearches'][number];
export type SavedFilter = SavedSearch['filter'];

export const SaveSearchMutation = graphql(
  `
    mutation SaveSearch($name: String!, $filter: LicenseFilter!) {
      saveSearch(name: $name, filter: $filter) {
        ...SavedSearchFields
      }
    }
  `,
  [SavedSearchFields],
);

export const DeleteSavedSearchMutation = graphql(`
  mutation DeleteSavedSearch($id: ID!) {
    deleteSavedSearch(id: $id)
  }
`);
