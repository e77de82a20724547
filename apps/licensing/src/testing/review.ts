import type { User } from '../graphql/account';
import type { LicenseDetail } from '../graphql/licenses';
import type { ReviewSummary } from '../graphql/review';
import { newFiler } from './fixtures';
import { flaggedLicense } from './licenses';
import type { Reply } from './mock-api';

/** The Commerce analyst named at start-up (ACC-7): no company of their own. */
export const analyst: User = { ...newFiler, id: '9', email: 'analyst@commerce.example', displayName: 'Sam at Commerce', firstName: 'Sam', lastName: 'Ray', role: 'ANALYST' };

/** A license as the review queue lists it. */
export function reviewSummary(number: string, overrides: Partial<ReviewSummary> = {}): ReviewSummary {
  return {
    number,
    kind: 'STANDARD',
    status: 'SUBMITTED',
    importerName: 'Great Lakes Metals Trading LLC',
    applicationDate: '2026-11-29',
    applicant: { name: 'Great Lakes Metals LLC' },
    flags: [],
    ...overrides,
  };
}

/** The queue's answer: one page, `next` the cursor when more follow. */
export function reviewQueuePage(licenses: ReviewSummary[], options: { total?: number; next?: string } = {}): Reply {
  return {
    data: {
      reviewQueue: {
        totalCount: options.total ?? licenses.length,
        pageInfo: { hasNextPage: Boolean(options.next), endCursor: options.next ?? null },
        edges: licenses.map((node) => ({ node })),
      },
    },
  };
}

/** The same license before anything flagged it, as an analyst finds it in the queue. */
export const reviewedLicense: LicenseDetail = {
  ...flaggedLicense,
  status: 'SUBMITTED',
  flags: [],
  history: [{ version: 1, status: 'SUBMITTED', at: '2026-11-29T15:00:00.000Z', by: 'Pat at GLM (filer)', note: null }],
};
