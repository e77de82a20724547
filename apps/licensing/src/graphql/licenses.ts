import { type ResultOf, type VariablesOf, graphql } from '@aim/ui';

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

export const LicenseQuery = graphql(`
  query License($number: String!) {
    license(number: $number) {
      number
      kind
      status
      productType
      entryType
      customsEntryNumber
      importerName
      exporterName
      manufacturerNames
      applicant {
        name
        ein
      }
      contactName
      contactEmail
      countryOfOrigin {
        name
      }
      countryOfExportation {
        name
      }
      portOfEntry {
        code
        name
      }
      expectedExportDate
      expectedImportDate
      applicationDate
      validFrom
      validThrough
      totalVolumeKg
      totalCustomsValueUsd
      flags {
        path
        reason
      }
      products {
        line
        hts {
          display
          description
        }
        largestSmelt {
          answer
          country {
            name
          }
        }
        secondSmelt {
          answer
          country {
            name
          }
        }
        mostRecentCast {
          name
        }
        volumeKg
        customsValueUsd
        unitValueUsdPerKg
      }
      history {
        version
        status
        at
        by
        note
      }
    }
  }
`);

export type LicenseDetail = NonNullable<ResultOf<typeof LicenseQuery>['license']>;

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
