import { describe, expect, it } from 'vitest';
import { apiFilter, filterFromQuery, isFiltered, queryFromFilter } from './license-filter';

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
