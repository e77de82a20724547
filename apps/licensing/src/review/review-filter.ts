import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { ReviewFilterInput } from '../graphql/review';
import { type FilterForm, dateRangeErrors, filterFromQuery, queryFromFilter } from '../licenses/license-filter';

/** The review queue's filter as its form edits it (REV-1): the dashboard's statuses and dates, and "flagged only". */
export type ReviewFilterForm = Pick<FilterForm, 'statuses' | 'createdFrom' | 'createdTo'> & { flaggedOnly: boolean };

const FLAGGED = '1';

/** The filter lives in the URL (as on the dashboard), so a shared link shows an analyst the same queue. */
export function reviewFilterFromQuery(query: LocationQuery): ReviewFilterForm {
  const { statuses, createdFrom, createdTo } = filterFromQuery(query);
  return { statuses, createdFrom, createdTo, flaggedOnly: query.flagged === FLAGGED };
}

/** The dashboard's form with only the review queue's fields set, so both share one way to read and write them. */
const asDashboardFilter = (form: ReviewFilterForm): FilterForm => ({
  ...filterFromQuery({}),
  statuses: form.statuses,
  createdFrom: form.createdFrom,
  createdTo: form.createdTo,
});

export function queryFromReviewFilter(form: ReviewFilterForm): LocationQueryRaw {
  return { ...queryFromFilter(asDashboardFilter(form)), ...(form.flaggedOnly ? { flagged: FLAGGED } : {}) };
}

/** The API's ReviewFilter: only what is set; with no status the server shows new and flagged licenses. */
export function reviewApiFilter(form: ReviewFilterForm): ReviewFilterInput {
  return {
    ...(form.statuses.length ? { statuses: [...form.statuses] } : {}),
    ...(form.flaggedOnly ? { flaggedOnly: true } : {}),
    ...(form.createdFrom ? { createdFrom: form.createdFrom } : {}),
    ...(form.createdTo ? { createdTo: form.createdTo } : {}),
  };
}

export const isReviewFiltered = (form: ReviewFilterForm) => Object.keys(reviewApiFilter(form)).length > 0;

export const reviewDateErrors = (form: ReviewFilterForm) => dateRangeErrors(asDashboardFilter(form));
