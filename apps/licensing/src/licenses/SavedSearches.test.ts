import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { SavedSearch } from '../graphql/saved-searches';
import { filerWithCompany } from '../testing/fixtures';
import { dashboardApi as dashboard, licenseSummary, licensesPage } from '../testing/licenses';
import { badUserInput, deferred, failure } from '../testing/mock-api';
import { type AppWrapper, mountApp, submitFormOf } from '../testing/mount-app';

function saved(id: string, name: string, filter: Partial<SavedSearch['filter']>): SavedSearch {
  return {
    id,
    name,
    createdAt: '2026-11-30T15:00:00.000Z',
    filter: { statuses: null, kinds: null, productType: null, createdFrom: null, createdTo: null, importFrom: null, importTo: null, text: null, ...filter },
  };
}

const flagged = saved('4d9a6f8e-0000-4000-8000-000000000001', 'Flagged', { statuses: ['ACTION_REQUIRED'] });
const december = saved('4d9a6f8e-0000-4000-8000-000000000002', 'December imports', { importFrom: '2026-12-01', importTo: '2026-12-31' });

const list = (searches: SavedSearch[]) => ({ data: { savedSearches: searches } });
const buttonNamed = (wrapper: AppWrapper, name: RegExp) => wrapper.findAll('button').find((button) => name.test(button.text()));
const linkNamed = (wrapper: AppWrapper, name: string) => wrapper.findAll('a').find((link) => link.text() === name);

describe('DASH-2 saved searches', () => {
  it('lists them with what each finds, and applying one puts its filter in the URL and the list query', async () => {
    const api = dashboard({ SavedSearches: list([flagged, december]) });
    const { wrapper, router } = await mountApp('/licenses', api, filerWithCompany);

    const items = wrapper.findAll('.saved-list > li');
    expect(items.map((item) => item.get('a').text())).toEqual(['Flagged', 'December imports']);
    expect(items[1]?.text()).toContain('Expected date of import Dec 1, 2026 – Dec 31, 2026');

    await linkNamed(wrapper, 'December imports')?.trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ importFrom: '2026-12-01', importTo: '2026-12-31' });
    expect(api.callsTo('Licenses').at(-1)).toMatchObject({ filter: { importFrom: '2026-12-01', importTo: '2026-12-31' } });
    expect(wrapper.get<HTMLInputElement>('#filter-importTo').element.value).toBe('2026-12-31');
    expect(linkNamed(wrapper, 'December imports')?.attributes('aria-current')).toBe('true');
    expect(linkNamed(wrapper, 'Flagged')?.attributes('aria-current')).toBeUndefined();
  });

  it('saves the applied filter, exactly as the list query sends it, under the name given', async () => {
    let searches: SavedSearch[] = [];
    const api = dashboard({
      SavedSearches: () => list(searches),
      SaveSearch: (variables) => {
        const search = saved('4d9a6f8e-0000-4000-8000-000000000003', String(variables.name), { statuses: ['CANCELLED'], text: 'beta' });
        searches = [search, ...searches];
        return { data: { saveSearch: search } };
      },
    });
    const { wrapper } = await mountApp('/licenses?status=CANCELLED&text=beta', api, filerWithCompany);
    expect(wrapper.text()).toContain('You have no saved searches yet.');

    await wrapper.get('#saved-search-name').setValue('  Cancelled beta  ');
    await submitFormOf(wrapper, '#saved-search-name');

    expect(api.callsTo('SaveSearch')).toEqual([{ name: 'Cancelled beta', filter: api.callsTo('Licenses').at(-1)?.filter }]);
    expect(api.callsTo('SaveSearch')[0]?.filter).toEqual({ statuses: ['CANCELLED'], text: 'beta' });
    expect(document.activeElement?.textContent).toContain('Saved “Cancelled beta”.');
    expect(wrapper.get<HTMLInputElement>('#saved-search-name').element.value).toBe('');
    expect(wrapper.findAll('.saved-list > li').map((item) => item.get('a').text())).toEqual(['Cancelled beta']);
  });

  it('asks for a name, and a short one, before sending', async () => {
    const api = dashboard({ SavedSearches: list([]) });
    const { wrapper } = await mountApp('/licenses?status=CANCELLED', api, filerWithCompany);

    await submitFormOf(wrapper, '#saved-search-name');
    expect(wrapper.get('#saved-search-name-error').text()).toBe('Enter the name of the search.');

    await wrapper.get('#saved-search-name').setValue('x'.repeat(101));
    await submitFormOf(wrapper, '#saved-search-name');
    expect(wrapper.get('#saved-search-name-error').text()).toBe('The name of the search must be at most 100 characters.');
    expect(api.callsTo('SaveSearch')).toEqual([]);
  });

  it('puts the server’s refusal beside the name', async () => {
    const api = dashboard({
      SavedSearches: list([]),
      SaveSearch: badUserInput({ path: 'name', message: 'You can keep 50 saved searches; delete one first.' }),
    });
    const { wrapper } = await mountApp('/licenses?status=CANCELLED', api, filerWithCompany);

    await wrapper.get('#saved-search-name').setValue('One too many');
    await submitFormOf(wrapper, '#saved-search-name');

    const field = wrapper.get('#saved-search-name');
    expect(wrapper.get('#saved-search-name-error').text()).toBe('You can keep 50 saved searches; delete one first.');
    expect(field.attributes('aria-invalid')).toBe('true');
    expect(field.attributes('aria-describedby')).toContain('saved-search-name-error');
    expect(document.activeElement?.textContent).toContain('There is a problem');
  });

  it('offers saving only once filters are applied', async () => {
    const { wrapper } = await mountApp('/licenses', dashboard({ SavedSearches: list([]) }), filerWithCompany);
    expect(wrapper.find('#saved-search-name').exists()).toBe(false);
    expect(wrapper.text()).toContain('To save a search, apply filters to the list;');
  });

  it('deletes one after asking, and can keep it', async () => {
    let searches = [flagged, december];
    const api = dashboard({
      SavedSearches: () => list(searches),
      DeleteSavedSearch: (variables) => {
        searches = searches.filter((search) => search.id !== variables.id);
        return { data: { deleteSavedSearch: true } };
      },
    });
    const { wrapper } = await mountApp('/licenses', api, filerWithCompany);

    await buttonNamed(wrapper, /Delete the saved search “Flagged”/)?.trigger('click');
    await flushPromises();
    expect(document.activeElement?.textContent).toContain('Delete the saved search “Flagged”?');
    expect(api.callsTo('DeleteSavedSearch')).toEqual([]);
    await buttonNamed(wrapper, /No, keep it/)?.trigger('click');
    expect(wrapper.text()).not.toContain('Delete the saved search “Flagged”?');

    await buttonNamed(wrapper, /Delete the saved search “Flagged”/)?.trigger('click');
    await flushPromises();
    await buttonNamed(wrapper, /Yes, delete it/)?.trigger('click');
    await flushPromises();

    expect(api.callsTo('DeleteSavedSearch')).toEqual([{ id: flagged.id }]);
    expect(document.activeElement?.textContent).toContain('Deleted “Flagged”.');
    expect(wrapper.findAll('.saved-list > li').map((item) => item.get('a').text())).toEqual(['December imports']);
  });

  it('says when the list is loading, and when it cannot be loaded', async () => {
    const reply = deferred();
    const waiting = await mountApp('/licenses', dashboard({ SavedSearches: reply.responder }), filerWithCompany);
    expect(waiting.wrapper.text()).toContain('Loading your saved searches…');
    reply.release(list([]));
    await flushPromises();
    expect(waiting.wrapper.text()).toContain('You have no saved searches yet.');
    waiting.wrapper.unmount();

    const broken = await mountApp('/licenses', dashboard({ SavedSearches: failure('INTERNAL_SERVER_ERROR') }), filerWithCompany);
    expect(broken.wrapper.text()).toContain('Your saved searches could not be loaded.');
    expect(buttonNamed(broken.wrapper, /Try again/)).toBeDefined();
  });
});

describe('DASH-2 export', () => {
  it('links Excel and CSV downloads to the export with the list query’s own filter', async () => {
    const api = dashboard({ Licenses: licensesPage([licenseSummary('K61WEX4QF', { status: 'ACTION_REQUIRED' })]) });
    const { wrapper } = await mountApp('/licenses?status=ACTION_REQUIRED&kind=STANDARD&text=alouette&createdFrom=2026-11-01', api, filerWithCompany);

    const listFilter = api.callsTo('Licenses').at(-1)?.filter;
    expect(listFilter).toEqual({ statuses: ['ACTION_REQUIRED'], kinds: ['STANDARD'], text: 'alouette', createdFrom: '2026-11-01' });
    for (const [name, format] of [
      ['Download Excel', 'xlsx'],
      ['Download CSV', 'csv'],
    ] as const) {
      const link = linkNamed(wrapper, name);
      expect(link?.attributes('download')).toBeDefined();
      const url = new URL(link?.attributes('href') ?? '', 'https://aim.example');
      expect(url.pathname).toBe('/api/licenses/export');
      expect(url.searchParams.get('format')).toBe(format);
      expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual(listFilter);
    }
  });

  it('offers no download when nothing matches', async () => {
    const { wrapper } = await mountApp('/licenses?status=CANCELLED', dashboard({ SavedSearches: list([]) }), filerWithCompany);
    expect(linkNamed(wrapper, 'Download CSV')).toBeUndefined();
  });
});
