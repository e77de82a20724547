import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { ApiToken } from '../graphql/api-tokens';
import { filerWithCompany } from '../testing/fixtures';
import { mockApi } from '../testing/mock-api';
import { type AppWrapper, mountApp, submitFormOf } from '../testing/mount-app';

const nightly: ApiToken = { id: 't1', name: 'ERP nightly filing', createdAt: '2026-11-20T15:00:00.000Z', lastUsedAt: null };

function buttonNamed(wrapper: AppWrapper, name: string) {
  return wrapper.findAll('button').find((button) => button.text() === name);
}

describe('API tokens', () => {
  it('says so when there are no tokens', async () => {
    const { wrapper } = await mountApp('/account', mockApi({ ApiTokens: { data: { apiTokens: [] } } }), filerWithCompany);

    expect(wrapper.text()).toContain('You have no API tokens.');
  });

  it('creates a named token and shows its secret once, with a copy button and a warning', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    let stored: ApiToken[] = [];
    const api = mockApi({
      ApiTokens: () => ({ data: { apiTokens: stored } }),
      CreateApiToken: () => {
        stored = [nightly];
        return { data: { createApiToken: { token: nightly, secret: 'aim_s3cr3t' } } };
      },
    });
    const { wrapper } = await mountApp('/account', api, filerWithCompany);

    await wrapper.get('#token-name').setValue('ERP nightly filing');
    await submitFormOf(wrapper, '#token-name');

    expect(api.callsTo('CreateApiToken')).toEqual([{ name: 'ERP nightly filing' }]);
    expect(wrapper.get('.usa-alert--warning').text()).toContain('This is the only time AIM shows the token');
    expect(wrapper.get<HTMLInputElement>('#new-token-secret').element.value).toBe('aim_s3cr3t');
    expect(wrapper.get('tbody').text()).toContain('ERP nightly filing');

    await buttonNamed(wrapper, 'Copy token')?.trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith('aim_s3cr3t');
    expect(wrapper.text()).toContain('Copied.');

    await buttonNamed(wrapper, 'I stored it; hide it')?.trigger('click');
    expect(wrapper.text()).not.toContain('aim_s3cr3t');
  });

  it('revokes a token only after the filer confirms', async () => {
    let stored = [nightly];
    const api = mockApi({
      ApiTokens: () => ({ data: { apiTokens: stored } }),
      RevokeApiToken: () => {
        stored = [];
        return { data: { revokeApiToken: true } };
      },
    });
    const { wrapper } = await mountApp('/account', api, filerWithCompany);

    await buttonNamed(wrapper, 'Revoke ERP nightly filing')?.trigger('click');
    expect(wrapper.text()).toContain('Revoke “ERP nightly filing”? Programs using it stop working at once.');
    expect(document.activeElement?.textContent?.trim()).toBe('Yes, revoke it');
    expect(api.callsTo('RevokeApiToken')).toEqual([]);

    await buttonNamed(wrapper, 'Yes, revoke it')?.trigger('click');
    await flushPromises();

    expect(api.callsTo('RevokeApiToken')).toEqual([{ id: 't1' }]);
    expect(wrapper.text()).toContain('Token “ERP nightly filing” revoked.');
    expect(wrapper.text()).toContain('You have no API tokens.');
  });
});
