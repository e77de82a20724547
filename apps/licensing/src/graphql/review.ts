import { type ResultOf, type VariablesOf, graphql } from '@aim/ui';
import { LicenseDetailFields } from './licenses';

/** REV-1: new and flagged licenses of every company, newest first, with the reasons they were flagged. */
export const ReviewQueueQuery = graphql(`
  query ReviewQueue($filter: ReviewFilter, $first: Int, $after: String) {
    reviewQueue(filter: $filter, first: $first, after: $after) {
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
          applicationDate
          applicant {
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

export type ReviewFilterInput = NonNullable<VariablesOf<typeof ReviewQueueQuery>['filter']>;
export type ReviewSummary = ResultOf<typeof ReviewQueueQuery>['reviewQueue']['edges'][number]['node'];

/** Any company's license, as the filer's own page shows it (REV-1's per-license history included). */
export const ReviewLicenseQuery = graphql(
  `
    query ReviewLicense($number: String!) {
      reviewLicense(number: $number) {
        ...LicenseDetailFields
      }
    }
  `,
  [LicenseDetailFields],
);

/** LIC-11, REV-1: → ACTION_REQUIRED, and the filer is emailed the reasons and the message. */
export const FlagLicenseMutation = graphql(`
  mutation FlagLicense($number: String!, $flags: [FlagInput!]!, $message: String!) {
    flagLicense(number: $number, flags: $flags, message: $message) {
      number
      status
    }
  }
`);

export const ClearFlagsMutation = graphql(`
  mutation ClearFlags($number: String!, $note: String) {
    clearFlags(number: $number, note: $note) {
      number
      status
    }
  }
`);
