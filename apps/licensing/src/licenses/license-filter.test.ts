import { describe, expect, it } from 'vitest';
import { apiFilter, dateRangeErrors, describeFilter, exportHref, filterFromQuery, formFromSaved, isFiltered, queryFromFilter } from './license-filter';

describe('DASH-1 the dashboard filter in the URL', () => {
  it('round-trips through the query string', () => {
    const query = { status: ['ACTION_REQUIRED', 'CORRECTED'], kind: 'STANDARD', text: 'alouette', importFrom: '2026-12-01', createdTo: '2026-11-30' };
    const form = filterFromQuery(query);
    expect(form).toEqual({
      statuses: ['ACTION_REQUIRED', 'CORRECTED'],
      kind: 'STANDARD',
      text: 'alouette',
      createdFrom: '',
      createdTo: '2026-11-30',
      importFrom: '2026-12-01',
      importTo: '',
    });
    expect(queryFromFilter(form)).toEqual(query);
  });

  it('sends the API only what is set, and a single status as a list', () => {
    const form = filterFromQuery({ status: 'CANCELLED' });
    expect(apiFilter(form)).toEqual({ statuses: ['CANCELLED'] });
    expect(isFiltered(form)).toBe(true);
    expect(apiFilter(filterFromQuery({}))).toEqual({});
    expect(isFiltered(filterFromQuery({}))).toBe(false);
  });

  it('drops what an edited link holds that is no filter value', () => {
    expect(filterFromQuery({ status: ['LOST', 'SUBMITTED'], kind: 'HUGE', importTo: 'tomorrow', text: '  ' })).toMatchObject({
      statuses: ['SUBMITTED'],
      kind: '',
      importTo: '',
      text: '',
    });
  });
});

describe('DASH-1 a backwards date range', () => {
  it('is reported beside the “to” date of the range that is backwards, and only that one', () => {
    const form = filterFromQuery({ createdFrom: '2026-12-31', createdTo: '2026-12-01', importFrom: '2026-12-01', importTo: '2026-12-31' });
    expect(dateRangeErrors(form)).toEqual({ createdTo: expect.stringMatching(/^Applied for: the “to” date is before the “from” date/) });

    const imports = filterFromQuery({ importFrom: '2027-01-02', importTo: '2026-12-31' });
    expect(Object.keys(dateRangeErrors(imports))).toEqual(['importTo']);
    expect(dateRangeErrors(imports).importTo).toMatch(/^Expected date of import:/);
  });

  it('accepts one day, an open end and no dates at all', () => {
    expect(dateRangeErrors(filterFromQuery({ createdFrom: '2026-12-01', createdTo: '2026-12-01' }))).toEqual({});
    expect(dateRangeErrors(filterFromQuery({ importFrom: '2026-12-01' }))).toEqual({});
    expect(dateRangeErrors(filterFromQuery({ importTo: '2026-12-01' }))).toEqual({});
    expect(dateRangeErrors(filterFromQuery({}))).toEqual({});
  });
});

describe('DASH-2 saved searches and export', () => {
  const saved = { statuses: ['ACTION_REQUIRED' as const], kinds: ['STANDARD' as const], productType: null, createdFrom: '2026-12-01', createdTo: null, importFrom: null, importTo: null, text: 'alouette' };

  it('turns a saved search back into the URL the dashboard saved it from', () => {
    const form = filterFromQuery({ status: 'ACTION_REQUIRED', kind: 'STANDARD', createdFrom: '2026-12-01', text: 'alouette' });
    expect(formFromSaved(saved)).toEqual(form);
    expect(queryFromFilter(formFromSaved(saved))).toEqual({ status: ['ACTION_REQUIRED'], kind: 'STANDARD', createdFrom: '2026-12-01', text: 'alouette' });
  });

  it('leaves out what the form cannot show: several kinds, a product type', () => {
    const form = formFromSaved({ ...saved, kinds: ['STANDARD', 'LOW_VALUE'], productType: 'ALUMINUM' });
    expect(form.kind).toBe('');
    expect(apiFilter(form)).toEqual({ statuses: ['ACTION_REQUIRED'], text: 'alouette', createdFrom: '2026-12-01' });
  });

  it('says in a few words what a saved search finds', () => {
    expect(describeFilter(formFromSaved(saved))).toBe('Action required · Standard · “alouette” · Applied for from Dec 1, 2026');
    expect(describeFilter(filterFromQuery({ importFrom: '2026-12-01', importTo: '2026-12-31' }))).toBe('Expected date of import Dec 1, 2026 – Dec 31, 2026');
    expect(describeFilter(filterFromQuery({}))).toBe('All licenses');
  });

  it('exports with the very filter the list query sends, as JSON in the URL', () => {
    const filter = apiFilter(filterFromQuery({ status: ['SUBMITTED', 'CORRECTED'], text: 'a&b c', importTo: '2026-12-31' }));
    const url = new URL(exportHref(filter, 'csv'), 'https://aim.example');
    expect(url.pathname).toBe('/api/licenses/export');
    expect(url.searchParams.get('format')).toBe('csv');
    expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual(filter);
    expect(exportHref({}, 'xlsx')).toBe('/api/licenses/export?format=xlsx');
  });
});
