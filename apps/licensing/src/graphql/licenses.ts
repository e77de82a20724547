import { type ResultOf, type VariablesOf, graphql } from '@aim/ui';
import { PreviewFields } from './apply';

export const LicensesQuery = graphql(`
  query Licenses($filter: LicenseFilter, $first: Int, $after: String) {
    licenses(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          number
          kind
          status
          importerName
          exporterName
          expectedImportDate
          applicationDate
          validThrough
          totalVolumeKg
          totalCustomsValueUsd
          countryOfOrigin {
            name
          }
          flags {
            path
            reason
          }
        }
      }
    }
  }
`);

export type LicenseFilterInput = NonNullable<VariablesOf<typeof LicensesQuery>['filter']>;
export type LicenseSummary = ResultOf<typeof LicensesQuery>['licenses']['edges'][number]['node'];

/** A license as its pages show it: the filer's (DASH-3) and the analyst's (REV-1) read the same fields. */
export const LicenseDetailFields = graphql(
  `
    fragment LicenseDetailFields on License {
      number
      kind
      status
      ...PreviewFields
      flags {
        path
        reason
      }
      history {
        version
        status
        at
        by
        note
      }
    }
  `,
  [PreviewFields],
);

export const LicenseQuery = graphql(
  `
    query License($number: String!) {
      license(number: $number) {
        ...LicenseDetailFields
      }
    }
  `,
  [LicenseDetailFields],
);

export type LicenseDetail = ResultOf<typeof LicenseDetailFields>;

export const ConfirmLicenseMutation = graphql(`
  mutation ConfirmLicense($number: String!) {
    confirmLicense(number: $number) {
      number
      status
    }
  }
`);

export const CancelLicenseMutation = graphql(`
  mutation CancelLicense($number: String!) {
    cancelLicense(number: $number) {
      number
      status
    }
  }
`);
