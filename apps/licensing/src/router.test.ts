import { describe, expect, it } from 'vitest';
import { returnPath } from './router';
import { filerWithCompany } from './testing/fixtures';
import { dashboardApi } from './testing/licenses';
import { mockApi } from './testing/mock-api';
import { mountApp } from './testing/mount-app';

describe('Routes', () => {
  it('sends signed-in people from the landing page to My licenses, their dashboard (DASH-1)', async () => {
    const { router } = await mountApp('/', dashboardApi(), filerWithCompany);

    expect(router.currentRoute.value.name).toBe('licenses');
    expect(document.title).toBe('My licenses | AIM Licensing');
  });

  it('starts an analyst at the review queue (REV-1)', async () => {
    const { router } = await mountApp('/', mockApi({ ReviewQueue: { data: { reviewQueue: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } } }), { ...filerWithCompany, role: 'ANALYST' });
    expect(router.currentRoute.value.name).toBe('review');
  });

  it('shows visitors the landing page, with one h1', async () => {
    const { wrapper } = await mountApp('/', mockApi({ Me: { data: { me: null } } }));

    expect(wrapper.findAll('h1').map((heading) => heading.text())).toEqual(['Aluminum import licenses']);
    expect(document.title).toBe('Aluminum import licenses | AIM Licensing');
  });

  it('returns after sign-in only to a path inside this app, and otherwise to My licenses', () => {
    expect(returnPath('/account')).toBe('/account');
    expect(returnPath('//evil.example/account')).toBe('/');
    expect(returnPath('https://evil.example')).toBe('/');
    expect(returnPath(['/account', '/x'])).toBe('/');
    expect(returnPath(undefined)).toBe('/');
  });
});
