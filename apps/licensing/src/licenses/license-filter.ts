import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { LicenseFilterInput } from '../graphql/licenses';
import type { SavedFilter } from '../graphql/saved-searches';
import { formatDate } from './license-format';

export const STATUSES = ['SUBMITTED', 'CORRECTED', 'ACTION_REQUIRED', 'CANCELLED'] as const;
export type Status = (typeof STATUSES)[number];
export const KINDS = ['STANDARD', 'LOW_VALUE'] as const;
export type Kind = (typeof KINDS)[number];

export const statusLabels: Record<Status, string> = {
  SUBMITTED: 'Submitted',
  CORRECTED: 'Corrected',
  ACTION_REQUIRED: 'Action required',
  CANCELLED: 'Cancelled',
};
export const kindLabels: Record<Kind, string> = { STANDARD: 'Standard', LOW_VALUE: 'Low value' };

/** The dashboard's filter as the form edits it: every field present, empty when unused. */
export interface FilterForm {
  statuses: Status[];
  kind: Kind | '';
  text: string;
  createdFrom: string;
  createdTo: string;
  importFrom: string;
  importTo: string;
}

const DATE_FIELDS = ['createdFrom', 'createdTo', 'importFrom', 'importTo'] as const;
const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const values = (value: LocationQuery[string] | undefined): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');

/**
 * DASH-1: the filter lives in the URL, so a reload or a shared link shows the same licenses.
 * Anything the URL holds that is not a filter value (an edited link) is dropped, not sent.
 */
export function filterFromQuery(query: LocationQuery): FilterForm {
  const kind = values(query.kind)[0];
  const form: FilterForm = {
    statuses: values(query.status).filter((status): status is Status => (STATUSES as readonly string[]).includes(status)),
    kind: kind && (KINDS as readonly string[]).includes(kind) ? (kind as Kind) : '',
    text: values(query.text)[0]?.trim() ?? '',
    createdFrom: '',
    createdTo: '',
    importFrom: '',
    importTo: '',
  };
  for (const field of DATE_FIELDS) {
    const date = values(query[field])[0];
    if (isDate(date)) form[field] = date;
  }
  return form;
}

export function queryFromFilter(form: FilterForm): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (form.statuses.length) query.status = [...form.statuses];
  if (form.kind) query.kind = form.kind;
  if (form.text.trim()) query.text = form.text.trim();
  for (const field of DATE_FIELDS) if (form[field]) query[field] = form[field];
  return query;
}

/** The API's LicenseFilter for the form: only what is set. */
export function apiFilter(form: FilterForm): LicenseFilterInput {
  return {
    ...(form.statuses.length ? { statuses: form.statuses } : {}),
    ...(form.kind ? { kinds: [form.kind] } : {}),
    ...(form.text.trim() ? { text: form.text.trim() } : {}),
    ...Object.fromEntries(DATE_FIELDS.filter((field) => form[field]).map((field) => [field, form[field]])),
  };
}

export const isFiltered = (form: FilterForm) => Object.keys(apiFilter(form)).length > 0;

/** The date ranges the form offers, with the label a filer sees; a range's message goes beside its `to`. */
export const DATE_RANGES = [
  { name: 'created', from: 'createdFrom', to: 'createdTo', label: 'Applied for' },
  { name: 'import', from: 'importFrom', to: 'importTo', label: 'Expected date of import' },
] as const;

/**
 * A range whose "from" is after its "to" matches nothing; it is almost always two dates typed the
 * wrong way round, so the form says so beside the "to" date rather than showing an empty list.
 */
export function dateRangeErrors(form: FilterForm): Partial<Record<'createdTo' | 'importTo', string>> {
  const errors: Partial<Record<'createdTo' | 'importTo', string>> = {};
  for (const { from, to, label } of DATE_RANGES) {
    // ISO dates (YYYY-MM-DD) order as text.
    if (form[from] && form[to] && form[from] > form[to]) {
      errors[to] = `${label}: the “to” date is before the “from” date. Choose a “to” date on or after the “from” date.`;
    }
  }
  return errors;
}

/**
 * DASH-2: a saved search back into the form. The dashboard saves what `apiFilter` gives; a search
 * saved through the API may hold what the form cannot show (several kinds, a product type), and
 * that part is left out rather than guessed.
 */
export function formFromSaved(filter: SavedFilter): FilterForm {
  const kinds = filter.kinds ?? [];
  return {
    statuses: [...(filter.statuses ?? [])],
    kind: kinds.length === 1 && kinds[0] ? kinds[0] : '',
    text: filter.text ?? '',
    createdFrom: filter.createdFrom ?? '',
    createdTo: filter.createdTo ?? '',
    importFrom: filter.importFrom ?? '',
    importTo: filter.importTo ?? '',
  };
}

/** The same filter the list is queried with, so the file holds exactly the licenses on screen (DASH-2). */
export function exportHref(filter: LicenseFilterInput, format: 'xlsx' | 'csv'): string {
  const query = new URLSearchParams({ format });
  if (Object.keys(filter).length > 0) query.set('filter', JSON.stringify(filter));
  return `/api/licenses/export?${query.toString()}`;
}

/** A filter in a few words, so a saved search says what it finds: "Action required · Applied for Dec 1, 2026 – Dec 31, 2026". */
export function describeFilter(form: FilterForm): string {
  const parts: string[] = [];
  if (form.statuses.length) parts.push(form.statuses.map((status) => statusLabels[status]).join(' or '));
  if (form.kind) parts.push(kindLabels[form.kind]);
  if (form.text) parts.push(`“${form.text}”`);
  for (const { from, to, label } of DATE_RANGES) {
    const start = form[from] ? formatDate(form[from]) : '';
    const end = form[to] ? formatDate(form[to]) : '';
    if (start && end) parts.push(`${label} ${start} – ${end}`);
    else if (start) parts.push(`${label} from ${start}`);
    else if (end) parts.push(`${label} through ${end}`);
  }
  return parts.join(' · ') || 'All licenses';
}
