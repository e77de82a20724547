import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { filerWithCompany } from '../testing/fixtures';
import { dashboardApi } from '../testing/licenses';
import { failure, mockApi } from '../testing/mock-api';
import { type AppWrapper, mountApp, submitFormOf } from '../testing/mount-app';
import { analyst, reviewQueuePage as page, reviewSummary as summary } from '../testing/review';

const buttonNamed = (wrapper: AppWrapper, name: RegExp) => wrapper.findAll('button').find((button) => name.test(button.text()));
const navLabels = (wrapper: AppWrapper) => wrapper.findAll('nav a').map((link) => link.text());

describe('REV-1 the review queue', () => {
  it('lists new and flagged licenses as the API gives them (newest first), with status, company, importer, reasons and date', async () => {
    const flagged = summary('K61WEX4QF', {
      status: 'ACTION_REQUIRED',
      applicant: { name: 'Great Lakes Metals LLC' },
      flags: [{ path: 'products.0.customsValueUsd', reason: 'USD 0.0027 per kg is far below the usual' }],
    });
    const api = mockApi({ ReviewQueue: page([flagged, summary('T2ZOUMOZX', { applicant: { name: 'Ohio Valley Alloys Inc.' }, importerName: 'OVA Imports' })]) });
    const { wrapper } = await mountApp('/review', api, analyst);

    expect(wrapper.get('h1').text()).toBe('Review queue');
    expect(document.title).toBe('Review queue | AIM Licensing');
    expect(api.callsTo('ReviewQueue')).toEqual([{ filter: {}, first: 25, after: null }]);
    const rows = wrapper.findAll('tbody tr');
    expect(rows.map((row) => row.get('th a').text())).toEqual(['K61WEX4QF', 'T2ZOUMOZX']);
    expect(rows[0]?.get('th a').attributes('href')).toMatch(/\/review\/K61WEX4QF$/);
    expect(rows[0]?.get('[data-label="Status"]').text()).toBe('Action required');
    expect(rows[0]?.get('[data-label="Company"]').text()).toBe('Great Lakes Metals LLC');
    expect(rows[0]?.get('[data-label="Reasons"]').text()).toBe('Product 1: Customs value: USD 0.0027 per kg is far below the usual');
    expect(rows[0]?.get('[data-label="Applied for"]').text()).toBe('Nov 29, 2026');
    expect(rows[1]?.get('[data-label="Importer"]').text()).toBe('OVA Imports');
    expect(rows[1]?.get('[data-label="Reasons"]').text()).toBe('None');
    expect(wrapper.text()).toContain('1–2 of 2 licenses');
    expect(wrapper.get('table').classes()).toContain('usa-table--stacked');
  });

  it('applies statuses, flagged only and the dates to the URL and the query; a URL fills the form', async () => {
    const api = mockApi({ ReviewQueue: page([]) });
    const { wrapper, router } = await mountApp('/review?status=CORRECTED&flagged=1', api, analyst);

    expect(api.callsTo('ReviewQueue').at(-1)).toMatchObject({ filter: { statuses: ['CORRECTED'], flaggedOnly: true } });
    expect(wrapper.get<HTMLInputElement>('#review-status-CORRECTED').element.checked).toBe(true);
    expect(wrapper.get<HTMLInputElement>('#review-flagged').element.checked).toBe(true);
    expect(wrapper.text()).toContain('No licenses match these filters.');

    await wrapper.get('#review-status-ACTION_REQUIRED').setValue(true);
    await wrapper.get('#review-flagged').setValue(false);
    await wrapper.get('#review-createdFrom').setValue('2026-12-01');
    await wrapper.get('#review-createdTo').setValue('2026-12-31');
    await submitFormOf(wrapper, '#review-flagged');

    expect(router.currentRoute.value.query).toEqual({ status: ['CORRECTED', 'ACTION_REQUIRED'], createdFrom: '2026-12-01', createdTo: '2026-12-31' });
    expect(api.callsTo('ReviewQueue').at(-1)).toEqual({
      filter: { statuses: ['CORRECTED', 'ACTION_REQUIRED'], createdFrom: '2026-12-01', createdTo: '2026-12-31' },
      first: 25,
      after: null,
    });

    await buttonNamed(wrapper, /Clear filters/)?.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({});
    expect(api.callsTo('ReviewQueue').at(-1)).toMatchObject({ filter: {} });
  });

  it('says a backwards date range beside its field and does not ask for it', async () => {
    const api = mockApi({ ReviewQueue: page([]) });
    const { wrapper, router } = await mountApp('/review', api, analyst);

    await wrapper.get('#review-createdFrom').setValue('2026-12-31');
    await wrapper.get('#review-createdTo').setValue('2026-12-01');
    await submitFormOf(wrapper, '#review-flagged');

    expect(wrapper.get('#review-createdTo-error').text()).toContain('the “to” date is before the “from” date');
    expect(document.activeElement?.textContent).toContain('There is a problem');
    expect(router.currentRoute.value.query).toEqual({});
    expect(api.callsTo('ReviewQueue')).toHaveLength(1);
  });

  it('says when nothing waits for review, and when the queue cannot be loaded', async () => {
    const empty = await mountApp('/review', mockApi({ ReviewQueue: page([]) }), analyst);
    expect(empty.wrapper.text()).toContain('No licenses match: none is new or flagged.');
    empty.wrapper.unmount();

    const broken = await mountApp('/review', mockApi({ ReviewQueue: failure('INTERNAL_SERVER_ERROR') }), analyst);
    expect(broken.wrapper.text()).toContain('The review queue could not be loaded.');
    expect(buttonNamed(broken.wrapper, /Try again/)).toBeDefined();
  });

  it('pages forward and back by cursor, with the total count', async () => {
    const api = mockApi({
      ReviewQueue: (variables) => (variables.after ? page([summary('SECOND001')], { total: 26 }) : page([summary('FIRST0001')], { total: 26, next: 'cursor-1' })),
    });
    const { wrapper } = await mountApp('/review', api, analyst);
    expect(wrapper.text()).toContain('1–1 of 26 licenses');

    await buttonNamed(wrapper, /Next 25/)?.trigger('click');
    await flushPromises();
    expect(api.callsTo('ReviewQueue').at(-1)).toMatchObject({ after: 'cursor-1' });
    expect(wrapper.get('tbody th').text()).toContain('SECOND001');
    expect(wrapper.text()).toContain('26–26 of 26 licenses');

    await buttonNamed(wrapper, /Previous 25/)?.trigger('click');
    await flushPromises();
    expect(wrapper.get('tbody th').text()).toContain('FIRST0001');
  });
});

describe('REV-1 only analysts review', () => {
  it('the router turns a signed-in filer away from the queue and a license under review, and asks the API nothing', async () => {
    for (const path of ['/review', '/review/K61WEX4QF']) {
      const api = dashboardApi();
      const { wrapper, router } = await mountApp(path, api, filerWithCompany);

      expect(router.currentRoute.value.name).toBe('analysts-only');
      expect(wrapper.get('h1').text()).toBe('This page is for Commerce analysts');
      expect(api.callsTo('ReviewQueue')).toEqual([]);
      expect(api.callsTo('ReviewLicense')).toEqual([]);
      expect(navLabels(wrapper)).not.toContain('Review queue');
      wrapper.unmount();
    }
  });

  it('asks a visitor to sign in first, and offers an analyst the queue in the navigation', async () => {
    const visitor = await mountApp('/review', mockApi({ Me: { data: { me: null } } }));
    expect(visitor.router.currentRoute.value.fullPath).toBe('/sign-in?next=/review');
    visitor.wrapper.unmount();

    const { wrapper } = await mountApp('/review', mockApi({ ReviewQueue: page([]) }), analyst);
    expect(navLabels(wrapper)).toContain('Review queue');
  });
});
