import { type ResultOf, graphql } from '@aim/ui';

/** What the license form picks from: covered HTS codes, countries and CBP ports (LIC-2, LIC-5). */
export const LicenseReferenceQuery = graphql(`
  query LicenseReference {
    htsCodes {
      code
      display
      description
      productType
      productGroup {
        id
        name
      }
    }
    countries {
      code
      name
    }
    ports {
      code
      name
      state
    }
  }
`);

export type LicenseReferenceData = ResultOf<typeof LicenseReferenceQuery>;

/** A license as its application: the codes the form needs to open it again (modify, duplicate). */
export const LicenseApplicationQuery = graphql(`
  query LicenseApplication($number: String!) {
    license(number: $number) {
      number
      kind
      status
      customsEntryNumber
      entryType
      importerName
      exporterName
      manufacturerNames
      countryOfOrigin {
        code
      }
      countryOfExportation {
        code
      }
      portOfEntry {
        code
      }
      expectedExportDate
      expectedImportDate
      applicationDate
      flags {
        path
        reason
      }
      products {
        hts {
          code
        }
        largestSmelt {
          answer
          country {
            code
          }
        }
        secondSmelt {
          answer
          country {
            code
          }
        }
        mostRecentCast {
          code
        }
        volumeKg
        customsValueUsd
      }
    }
  }
`);

export type LicenseApplication = NonNullable<ResultOf<typeof LicenseApplicationQuery>['license']>;

/** A license's fields as submit stores them; a license's pages read these too (graphql/licenses.ts). */
export const PreviewFields = graphql(`
  fragment PreviewFields on License {
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
    products {
      line
      hts {
        display
        description
        productGroup {
          name
        }
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
  }
`);

export const PreviewLicenseMutation = graphql(
  `
  mutation PreviewLicense($input: StandardLicenseInput!) {
    previewLicense(input: $input) {
      license {
        ...PreviewFields
      }
      flags {
        path
        reason
      }
    }
  }
`,
  [PreviewFields],
);

export type LicensePreview = ResultOf<typeof PreviewLicenseMutation>['previewLicense'];

/** What the page after a submit or a correction shows: the number, and whether action is required. */
const IssuedLicenseFields = graphql(`
  fragment IssuedLicenseFields on License {
    number
    status
    validFrom
    validThrough
    flags {
      path
      reason
    }
  }
`);

export const SubmitLicenseMutation = graphql(
  `
  mutation SubmitLicense($input: StandardLicenseInput!, $idempotencyKey: String) {
    submitLicense(input: $input, certify: true, idempotencyKey: $idempotencyKey) {
      ...IssuedLicenseFields
    }
  }
`,
  [IssuedLicenseFields],
);

export const ModifyLicenseMutation = graphql(
  `
  mutation ModifyLicense($number: String!, $input: StandardLicenseInput!) {
    modifyLicense(number: $number, input: $input, certify: true) {
      ...IssuedLicenseFields
    }
  }
`,
  [IssuedLicenseFields],
);

export const SubmitLowValueLicenseMutation = graphql(
  `
  mutation SubmitLowValueLicense($input: LowValueLicenseInput!, $idempotencyKey: String) {
    submitLowValueLicense(input: $input, certify: true, idempotencyKey: $idempotencyKey) {
      ...IssuedLicenseFields
    }
  }
`,
  [IssuedLicenseFields],
);
