import { describe, expect, it } from 'vitest';
import type { LicenseDetail } from '../graphql/licenses';
import { badUserInput, mockApi } from '../testing/mock-api';
import { mountApp, submitFormOf } from '../testing/mount-app';
import { analyst, reviewedLicense as license } from '../testing/review';

const systemFlag = { path: 'countryOfOrigin', reason: 'Imports of 7601.10.30.00 from Qatar are rare' };
const flagged: LicenseDetail = {
  ...license,
  status: 'ACTION_REQUIRED',
  flags: [systemFlag],
  history: [...license.history, { version: 2, status: 'ACTION_REQUIRED', at: '2026-11-30T15:00:00.000Z', by: 'Sam at Commerce (analyst)', note: 'Please check the origin.' }],
};

describe('REV-1 a license under review', () => {
  it('shows the license of any company, its flagged field marked, and its full history', async () => {
    const api = mockApi({ ReviewLicense: { data: { reviewLicense: flagged } } });
    const { wrapper } = await mountApp('/review/K61WEX4QF', api, analyst);

    expect(api.callsTo('ReviewLicense')).toEqual([{ number: 'K61WEX4QF' }]);
    expect(wrapper.get('h1').text()).toBe('License K61WEX4QF');
    expect(wrapper.text()).toContain('Action required Standard license of Great Lakes Metals LLC');
    expect(wrapper.get('.usa-alert--error').text()).toContain('Country of origin: Imports of 7601.10.30.00 from Qatar are rare');
    expect(wrapper.get('dd.flagged').text()).toBe('Canada (flagged)');
    const versions = wrapper.findAll('tbody tr').filter((row) => row.find('[data-label="Version"]').exists());
    expect(versions.map((row) => row.text())).toEqual([
      expect.stringContaining('Pat at GLM (filer)'),
      expect.stringContaining('Sam at Commerce (analyst)Please check the origin.'),
    ]);
    expect(wrapper.get('#flag-heading').text()).toBe('Flag with a message');
    expect(wrapper.get('#clear-heading').text()).toBe('Clear flags');
  });

  it('validates the flag form before sending: each required field says so beside it and in the summary', async () => {
    const api = mockApi({ ReviewLicense: { data: { reviewLicense: license } } });
    const { wrapper } = await mountApp('/review/K61WEX4QF', api, analyst);
    expect(wrapper.find('#clear-heading').exists()).toBe(false);

    await submitFormOf(wrapper, '#flag-flags-0-reason');

    expect(api.callsTo('FlagLicense')).toEqual([]);
    expect(document.activeElement?.textContent).toContain('There is a problem');
    for (const [id, message] of [
      ['flag-flags-0-path', 'Choose the field that needs the filer’s attention.'],
      ['flag-flags-0-reason', 'Enter the reason: what looks wrong about this field.'],
      ['flag-message', 'Enter the message to the filer.'],
    ] as const) {
      expect(wrapper.get(`#${id}-error`).text()).toBe(message);
      expect(wrapper.get(`#${id}`).attributes('aria-invalid')).toBe('true');
      expect(wrapper.get(`#${id}`).attributes('aria-describedby')).toContain(`${id}-error`);
    }
  });

  it('offers the license’s own fields by readable name, and puts the server’s field error on its input', async () => {
    const api = mockApi({
      ReviewLicense: { data: { reviewLicense: license } },
      FlagLicense: badUserInput({ path: 'flags.0.reason', message: 'The reason must be at most 500 characters.' }),
    });
    const { wrapper } = await mountApp('/review/K61WEX4QF', api, analyst);

    const options = wrapper.findAll('#flag-flags-0-path option').map((option) => [option.attributes('value'), option.text()]);
    expect(options).toContainEqual(['countryOfOrigin', 'Country of origin']);
    expect(options).toContainEqual(['products.0.customsValueUsd', 'Product 1: Customs value']);
    expect(options).not.toContainEqual(expect.arrayContaining([expect.stringMatching(/^products\.1\./)]));

    await wrapper.get('#flag-flags-0-path').setValue('products.0.customsValueUsd');
    await wrapper.get('#flag-flags-0-reason').setValue('x'.repeat(501));
    await wrapper.get('#flag-message').setValue('Please check the value.');
    await submitFormOf(wrapper, '#flag-message');

    expect(api.callsTo('FlagLicense')).toHaveLength(1);
    expect(wrapper.get('#flag-flags-0-reason-error').text()).toBe('The reason must be at most 500 characters.');
    expect(wrapper.get('#flag-flags-0-reason').classes()).toContain('usa-input--error');
    expect(wrapper.find('#flag-flags-0-path-error').exists()).toBe(false);
    // What the analyst typed stays, to be shortened rather than typed again.
    expect(wrapper.get<HTMLTextAreaElement>('#flag-message').element.value).toBe('Please check the value.');
  });

  it('flags a field with a message, keeps the flags already found, and shows the news and the refreshed license', async () => {
    let current: LicenseDetail = flagged;
    const api = mockApi({
      ReviewLicense: () => ({ data: { reviewLicense: current } }),
      FlagLicense: (variables) => {
        current = {
          ...flagged,
          flags: variables.flags as LicenseDetail['flags'],
          history: [...flagged.history, { version: 3, status: 'ACTION_REQUIRED', at: '2026-12-01T15:00:00.000Z', by: 'Sam at Commerce (analyst)', note: 'Value per ton?' }],
        };
        return { data: { flagLicense: { number: 'K61WEX4QF', status: 'ACTION_REQUIRED' } } };
      },
    });
    const { wrapper } = await mountApp('/review/K61WEX4QF', api, analyst);

    await wrapper.get('#flag-flags-0-path').setValue('products.0.customsValueUsd');
    await wrapper.get('#flag-flags-0-reason').setValue('  The value looks per metric ton, not per kg. ');
    await wrapper.get('#flag-message').setValue('Value per ton?');
    await submitFormOf(wrapper, '#flag-message');

    expect(api.callsTo('FlagLicense')).toEqual([
      {
        number: 'K61WEX4QF',
        flags: [{ path: 'products.0.customsValueUsd', reason: 'The value looks per metric ton, not per kg.' }, systemFlag],
        message: 'Value per ton?',
      },
    ]);
    expect(document.activeElement?.textContent).toContain('License K61WEX4QF is flagged (Product 1: Customs value) and needs action');
    expect(api.callsTo('ReviewLicense')).toHaveLength(2);
    expect(wrapper.get('td.flagged').text()).toBe('$65,280.00 (flagged)');
    expect(wrapper.text()).toContain('Value per ton?');
    expect(wrapper.get<HTMLSelectElement>('#flag-flags-0-path').element.value).toBe('');
  });

  it('clears the flags with a note, and says what the license is again', async () => {
    let current: LicenseDetail = flagged;
    const api = mockApi({
      ReviewLicense: () => ({ data: { reviewLicense: current } }),
      ClearFlags: () => {
        current = { ...flagged, status: 'SUBMITTED', flags: [] };
        return { data: { clearFlags: { number: 'K61WEX4QF', status: 'SUBMITTED' } } };
      },
    });
    const { wrapper } = await mountApp('/review/K61WEX4QF', api, analyst);

    await wrapper.get('#clear-note').setValue('Confirmed with the importer by phone.');
    await submitFormOf(wrapper, '#clear-note');

    expect(api.callsTo('ClearFlags')).toEqual([{ number: 'K61WEX4QF', note: 'Confirmed with the importer by phone.' }]);
    expect(document.activeElement?.textContent).toContain('The flags of license K61WEX4QF are cleared: it is Submitted again.');
    expect(wrapper.find('.usa-alert--error').exists()).toBe(false);
    expect(wrapper.find('#clear-heading').exists()).toBe(false);
  });

  it('sends no note when none is written, and shows a refusal about the license atop the form', async () => {
    const api = mockApi({
      ReviewLicense: { data: { reviewLicense: flagged } },
      ClearFlags: badUserInput({ path: 'number', message: 'License K61WEX4QF has no flags to clear.' }),
    });
    const { wrapper } = await mountApp('/review/K61WEX4QF', api, analyst);

    await submitFormOf(wrapper, '#clear-note');
    expect(api.callsTo('ClearFlags')).toEqual([{ number: 'K61WEX4QF', note: null }]);
    const summary = wrapper.get('#clear-heading').element.parentElement;
    expect(summary?.textContent).toContain('License K61WEX4QF has no flags to clear.');
    expect(summary?.querySelector('.usa-alert a')).toBeNull();
  });

  it('says plainly when no license has the number', async () => {
    const { wrapper } = await mountApp('/review/ZZZZZZZZZ', mockApi({ ReviewLicense: { data: { reviewLicense: null } } }), analyst);
    expect(wrapper.get('h1').text()).toBe('No license has that number');
    expect(wrapper.text()).toContain('There is no license ZZZZZZZZZ.');
  });
});
