import { describe, expect, it } from 'vitest';
import { returnPath } from './router';
import { filerWithCompany } from './testing/fixtures';
import { mockApi } from './testing/mock-api';
import { mountApp } from './testing/mount-app';

describe('Routes', () => {
  it('sends signed-in people from the landing page to My account', async () => {
    const { router } = await mountApp('/', mockApi({ ApiTokens: { data: { apiTokens: [] } } }), filerWithCompany);

    expect(router.currentRoute.value.name).toBe('account');
    expect(document.title).toBe('My account | AIM Licensing');
  });

  it('shows visitors the landing page, with one h1', async () => {
    const { wrapper } = await mountApp('/', mockApi({ Me: { data: { me: null } } }));

    expect(wrapper.findAll('h1').map((heading) => heading.text())).toEqual(['Aluminum import licenses']);
    expect(document.title).toBe('Aluminum import licenses | AIM Licensing');
  });

  it('returns after sign-in only to a path inside this app', () => {
    expect(returnPath('/account')).toBe('/account');
    expect(returnPath('//evil.example/account')).toBe('/account');
    expect(returnPath('https://evil.example')).toBe('/account');
    expect(returnPath(['/account', '/x'])).toBe('/account');
    expect(returnPath(undefined)).toBe('/account');
  });
});
