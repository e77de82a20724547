import { describe, expect, it, vi } from 'vitest';
import { filerWithCompany } from './testing/fixtures';
import { mockApi } from './testing/mock-api';
import { mountApp } from './testing/mount-app';

describe('Site header', () => {
  it('offers sign in and sign up to visitors', async () => {
    const { wrapper } = await mountApp('/', mockApi({ Me: { data: { me: null } } }));

    const links = wrapper.findAll('header nav a').map((link) => link.text());
    expect(links).toEqual(['Import monitor', 'Sign in', 'Sign up']);
    expect(wrapper.find('header button.usa-button').exists()).toBe(false);
  });

  it('shows the signed-in display name, and signs out to the sign-in page', async () => {
    const api = mockApi({ SignOut: { data: { signOut: true } }, ApiTokens: { data: { apiTokens: [] } } });
    const { wrapper, router, session } = await mountApp('/account', api, filerWithCompany);
    expect(wrapper.get('header').text()).toContain('Pat at GLM');

    await wrapper.get('header button.usa-button').trigger('click');
    await vi.waitUntil(() => router.currentRoute.value.path === '/sign-in');

    expect(api.callsTo('SignOut')).toHaveLength(1);
    expect(session.user.value).toBeNull();
    expect(wrapper.get('header').text()).not.toContain('Pat at GLM');
  });
});
