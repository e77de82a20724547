import { type ResultOf, graphql } from '@aim/ui';

export const ProductGroupsQuery = graphql(`
  query ProductGroups {
    productGroups(productType: ALUMINUM) {
      id
      name
    }
  }
`);

export type ProductGroup = ResultOf<typeof ProductGroupsQuery>['productGroups'][number];
