import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { LicenseFilterInput } from '../graphql/licenses';

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
