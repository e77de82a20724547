import type { LicenseDetail, LicenseSummary } from '../graphql/licenses';
import { type MockApi, type Reply, type Responder, mockApi } from './mock-api';

/** A license as the dashboard's list query gives it. */
export function licenseSummary(number: string, overrides: Partial<LicenseSummary> = {}): LicenseSummary {
  return {
    number,
    kind: 'STANDARD',
    status: 'SUBMITTED',
    importerName: 'Great Lakes Metals Trading LLC',
    exporterName: 'Alouette Aluminium Inc.',
    expectedImportDate: '2026-12-10',
    validThrough: '2027-02-12',
    applicationDate: '2026-11-29',
    totalVolumeKg: 42_000,
    totalCustomsValueUsd: 120_180,
    countryOfOrigin: { name: 'Canada' },
    flags: [],
    ...overrides,
  };
}

/** The list query's answer: one page of licenses, `next` the cursor when more follow. */
export function licensesPage(licenses: LicenseSummary[], options: { total?: number; next?: string } = {}): Reply {
  return {
    data: {
      licenses: {
        totalCount: options.total ?? licenses.length,
        pageInfo: { hasNextPage: Boolean(options.next), endCursor: options.next ?? null },
        edges: licenses.map((node) => ({ node })),
      },
    },
  };
}

/** The fake API for the dashboard, which asks for licenses and saved searches: none of either unless given. */
export function dashboardApi(responders: Record<string, Responder> = {}): MockApi {
  return mockApi({ Licenses: licensesPage([]), SavedSearches: { data: { savedSearches: [] } }, ...responders });
}

/** A standard license the anomaly checks flagged (LIC-11): a value per metric ton typed as per kg. */
export const flaggedLicense: LicenseDetail = {
  number: 'K61WEX4QF',
  kind: 'STANDARD',
  status: 'ACTION_REQUIRED',
  productType: 'ALUMINUM',
  entryType: 'FOREIGN_TRADE_ZONE',
  customsEntryNumber: null,
  importerName: 'Great Lakes Metals Trading LLC',
  exporterName: 'Alouette Aluminium Inc.',
  manufacturerNames: ['Alouette Aluminium Inc.'],
  applicant: { name: 'Great Lakes Metals LLC', ein: '12-3456789' },
  contactName: 'Pat Lee',
  contactEmail: 'pat@glm.example',
  countryOfOrigin: { name: 'Canada' },
  countryOfExportation: { name: 'Canada' },
  portOfEntry: { code: '3801', name: 'DETROIT' },
  expectedExportDate: '2026-12-05',
  expectedImportDate: '2026-12-10',
  applicationDate: '2026-11-29',
  validFrom: '2026-11-29',
  validThrough: null,
  totalVolumeKg: 24_000_000,
  totalCustomsValueUsd: 65_280,
  flags: [{ path: 'products.0.customsValueUsd', reason: 'USD 0.0027 per kg is far below the usual USD 2.30–3.00 per kg' }],
  products: [
    {
      line: 1,
      hts: { display: '7601.10.3000', description: 'Unwrought aluminum, not alloyed', productGroup: { name: 'Unwrought Aluminum - Non-Alloy' } },
      largestSmelt: { answer: 'COUNTRY', country: { name: 'Canada' } },
      secondSmelt: { answer: 'NOT_APPLICABLE', country: null },
      mostRecentCast: { name: 'Canada' },
      volumeKg: 24_000_000,
      customsValueUsd: 65_280,
      unitValueUsdPerKg: 0.0027,
    },
  ],
  history: [{ version: 1, status: 'ACTION_REQUIRED', at: '2026-11-29T15:00:00.000Z', by: 'Pat at GLM (filer)', note: null }],
};
