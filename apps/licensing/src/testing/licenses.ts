import type { LicenseSummary } from '../graphql/licenses';
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
