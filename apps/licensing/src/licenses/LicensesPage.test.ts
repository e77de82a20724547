import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { filerWithCompany } from '../testing/fixtures';
import { dashboardApi, flaggedLicense, licensesPage as page, licenseSummary as summary } from '../testing/licenses';
import { badUserInput, failure, mockApi } from '../testing/mock-api';
import { type AppWrapper, mountApp, submitFormOf } from '../testing/mount-app';

const buttonNamed = (wrapper: AppWrapper, name: RegExp) => wrapper.findAll('button').find((button) => name.test(button.text()));

describe('DASH-1 My licenses', () => {
  it('lists the licenses newest first as the API gives them, with status words and links', async () => {
    const api = dashboardApi({ Licenses: page([summary('K61WEX4QF', { status: 'ACTION_REQUIRED' }), summary('T2ZOUMOZX')]) });
    const { wrapper } = await mountApp('/licenses', api, filerWithCompany);

    expect(wrapper.get('h1').text()).toBe('My licenses');
    const rows = wrapper.findAll('tbody tr');
    expect(rows.map((row) => row.get('th').text())).toEqual(['K61WEX4QFStandard', 'T2ZOUMOZXStandard']);
    expect(rows[0]?.text()).toContain('Action required');
    expect(rows[0]?.get('a').attributes('href')).toMatch(/\/licenses\/K61WEX4QF$/);
    expect(wrapper.text()).toContain('1–2 of 2 licenses');
    expect(api.callsTo('Licenses')).toEqual([{ filter: {}, first: 25, after: null }]);
  });

  it('applies the filters to the URL and the query, and a URL filter fills the form', async () => {
    const api = dashboardApi({ Licenses: page([]) });
    const { wrapper, router } = await mountApp('/licenses?status=CANCELLED&text=beta', api, filerWithCompany);

    expect(api.callsTo('Licenses').at(-1)).toMatchObject({ filter: { statuses: ['CANCELLED'], text: 'beta' } });
    expect(wrapper.get<HTMLInputElement>('#filter-status-CANCELLED').element.checked).toBe(true);
    expect(wrapper.get<HTMLInputElement>('#filter-text').element.value).toBe('beta');
    expect(wrapper.text()).toContain('No license matches these filters.');

    await wrapper.get('#filter-status-ACTION_REQUIRED').setValue(true);
    await wrapper.get('#filter-importFrom').setValue('2026-12-01');
    await submitFormOf(wrapper, '#filter-text');

    expect(router.currentRoute.value.query).toEqual({ status: ['CANCELLED', 'ACTION_REQUIRED'], text: 'beta', importFrom: '2026-12-01' });
    expect(api.callsTo('Licenses').at(-1)).toMatchObject({ filter: { statuses: ['CANCELLED', 'ACTION_REQUIRED'], text: 'beta', importFrom: '2026-12-01' } });

    await buttonNamed(wrapper, /Clear filters/)?.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({});
  });

  it('says when there are no licenses at all, and when they cannot be loaded', async () => {
    const empty = await mountApp('/licenses', dashboardApi({ Licenses: page([]) }), filerWithCompany);
    expect(empty.wrapper.text()).toContain('You have no licenses yet.');
    empty.wrapper.unmount();

    const broken = await mountApp('/licenses', dashboardApi({ Licenses: failure('INTERNAL_SERVER_ERROR', 'Something went wrong') }), filerWithCompany);
    expect(broken.wrapper.text()).toContain('Your licenses could not be loaded.');
    expect(buttonNamed(broken.wrapper, /Try again/)).toBeDefined();
  });

  it('pages forward and back by cursor', async () => {
    const api = dashboardApi({
      Licenses: (variables) => (variables.after ? page([summary('SECOND001')], { total: 26 }) : page([summary('FIRST0001')], { total: 26, next: 'cursor-1' })),
    });
    const { wrapper } = await mountApp('/licenses', api, filerWithCompany);

    await buttonNamed(wrapper, /Next 25/)?.trigger('click');
    await flushPromises();
    expect(api.callsTo('Licenses').at(-1)).toMatchObject({ after: 'cursor-1' });
    expect(wrapper.get('tbody th').text()).toContain('SECOND001');
    expect(wrapper.text()).toContain('26–26 of 26 licenses');

    await buttonNamed(wrapper, /Previous 25/)?.trigger('click');
    await flushPromises();
    expect(wrapper.get('tbody th').text()).toContain('FIRST0001');
  });

  it('expands a row to its summary, flags in words, and says so to screen readers', async () => {
    const flagged = summary('K61WEX4QF', { status: 'ACTION_REQUIRED', flags: [{ path: 'products.0.customsValueUsd', reason: 'USD 0.0027 per kg is far below the usual' }] });
    const { wrapper } = await mountApp('/licenses', dashboardApi({ Licenses: page([flagged]) }), filerWithCompany);

    const toggle = buttonNamed(wrapper, /Show summary/);
    expect(toggle?.attributes('aria-expanded')).toBe('false');
    await toggle?.trigger('click');
    expect(toggle?.attributes('aria-expanded')).toBe('true');
    const details = wrapper.get('#summary-K61WEX4QF');
    expect(details.text()).toContain('42,000 kg');
    expect(details.text()).toContain('$120,180.00');
    expect(details.text()).toContain('USD 0.0027 per kg is far below the usual');
  });

  it('says beside the field when a date range is backwards, and neither applies it nor asks for licenses', async () => {
    const api = dashboardApi({ Licenses: page([summary('K61WEX4QF')]) });
    const { wrapper, router } = await mountApp('/licenses', api, filerWithCompany);

    await wrapper.get('#filter-importFrom').setValue('2026-12-31');
    await wrapper.get('#filter-importTo').setValue('2026-12-01');
    await submitFormOf(wrapper, '#filter-text');

    const field = wrapper.get('#filter-importTo');
    const message = wrapper.get('#filter-importTo-error');
    expect(message.text()).toContain('Expected date of import: the “to” date is before the “from” date.');
    expect(field.attributes('aria-describedby')).toContain('filter-importTo-error');
    expect(field.attributes('aria-invalid')).toBe('true');
    expect(field.classes()).toContain('usa-input--error');
    expect(document.activeElement?.textContent).toContain('There is a problem');
    expect(router.currentRoute.value.query).toEqual({});
    expect(api.callsTo('Licenses')).toHaveLength(1);

    await wrapper.get('#filter-importTo').setValue('2027-01-05');
    await submitFormOf(wrapper, '#filter-text');
    expect(wrapper.find('#filter-importTo-error').exists()).toBe(false);
    expect(router.currentRoute.value.query).toEqual({ importFrom: '2026-12-31', importTo: '2027-01-05' });
  });

  it('says so for a backwards range in a link too, instead of an empty list', async () => {
    const api = dashboardApi({ Licenses: page([]) });
    const { wrapper } = await mountApp('/licenses?createdFrom=2026-12-31&createdTo=2026-12-01', api, filerWithCompany);

    expect(wrapper.get('#filter-createdTo-error').text()).toContain('Applied for: the “to” date is before the “from” date.');
    expect(wrapper.text()).toContain('Correct the dates above to see your licenses.');
    expect(wrapper.text()).not.toContain('No license matches');
    expect(api.callsTo('Licenses')).toEqual([]);
  });
});
describe('DASH-3 a license', () => {
  const license = flaggedLicense;

  it('shows every field, the flags in words, the flagged value marked, and the history', async () => {
    const api = mockApi({ License: { data: { license } } });
    const { wrapper } = await mountApp('/licenses/K61WEX4QF', api, filerWithCompany);

    expect(api.callsTo('License')).toEqual([{ number: 'K61WEX4QF' }]);
    expect(wrapper.get('h1').text()).toBe('License K61WEX4QF');
    expect(wrapper.get('.usa-alert--error').text()).toContain('USD 0.0027 per kg is far below the usual');
    expect(wrapper.text()).toContain('Does not expire (foreign-trade zone)');
    expect(wrapper.text()).toContain('Not applicable');
    const flagged = wrapper.get('td.flagged');
    expect(flagged.text()).toBe('$65,280.00 (flagged)');
    expect(wrapper.text()).toContain('Pat at GLM (filer)');
    expect(wrapper.findAll('a').find((link) => link.text() === 'Printable license')?.attributes('href')).toBe('/api/licenses/K61WEX4QF/print');
  });

  it('LIC-11 confirms a flagged license without change, and reads it again', async () => {
    let current = license;
    const api = mockApi({
      License: () => ({ data: { license: current } }),
      ConfirmLicense: () => {
        current = { ...license, status: 'SUBMITTED', flags: [] };
        return { data: { confirmLicense: { number: license.number, status: 'SUBMITTED' } } };
      },
    });
    const { wrapper } = await mountApp('/licenses/K61WEX4QF', api, filerWithCompany);

    await buttonNamed(wrapper, /Confirm without change/)?.trigger('click');
    await flushPromises();

    expect(api.callsTo('ConfirmLicense')).toEqual([{ number: 'K61WEX4QF' }]);
    expect(document.activeElement?.textContent).toContain('License K61WEX4QF is confirmed without change.');
    expect(wrapper.find('.usa-alert--error').exists()).toBe(false);
    expect(wrapper.text()).toContain('Submitted');
  });

  it('LIC-10 asks before cancelling, says it cannot be undone, and can keep the license', async () => {
    const api = mockApi({
      License: { data: { license: { ...license, status: 'SUBMITTED', flags: [] } } },
      CancelLicense: { data: { cancelLicense: { number: license.number, status: 'CANCELLED' } } },
    });
    const { wrapper } = await mountApp('/licenses/K61WEX4QF', api, filerWithCompany);

    await buttonNamed(wrapper, /^Cancel this license$/)?.trigger('click');
    await flushPromises();
    expect(document.activeElement?.textContent).toContain('Cancelling cannot be undone');
    expect(api.callsTo('CancelLicense')).toEqual([]);
    await buttonNamed(wrapper, /No, keep it/)?.trigger('click');
    expect(wrapper.text()).not.toContain('Cancelling cannot be undone');

    await buttonNamed(wrapper, /^Cancel this license$/)?.trigger('click');
    await flushPromises();
    await buttonNamed(wrapper, /Yes, cancel K61WEX4QF/)?.trigger('click');
    await flushPromises();
    expect(api.callsTo('CancelLicense')).toEqual([{ number: 'K61WEX4QF' }]);
    expect(wrapper.text()).toContain('License K61WEX4QF is cancelled.');
  });

  it('shows the server’s refusal in words', async () => {
    const api = mockApi({
      License: { data: { license } },
      ConfirmLicense: badUserInput({ path: 'number', message: 'License K61WEX4QF needs no confirmation: it is not waiting for action.' }),
    });
    const { wrapper } = await mountApp('/licenses/K61WEX4QF', api, filerWithCompany);
    await buttonNamed(wrapper, /Confirm without change/)?.trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('it is not waiting for action');
  });

  it('X-2 says plainly that there is no such license of the company', async () => {
    const { wrapper } = await mountApp('/licenses/ZZZZZZZZZ', mockApi({ License: { data: { license: null } } }), filerWithCompany);
    expect(wrapper.get('h1').text()).toBe('No license ZZZZZZZZZ');
  });
});
