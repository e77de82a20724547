import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createSiteRouter } from './site-router';

const blank = { render: () => null };

function routerWithMain() {
  document.body.innerHTML = '<main id="main-content" tabindex="-1"></main>';
  return createSiteRouter({
    siteName: 'AIM Test',
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: blank, meta: { title: 'Import Monitor' } },
      { path: '/smelt', component: blank, meta: { title: 'Country of Smelt' } },
    ],
  });
}

describe('Site router', () => {
  it('titles the first page without moving focus, as the browser has just loaded it', async () => {
    const router = routerWithMain();

    await router.push('/');

    expect(document.title).toBe('Import Monitor | AIM Test');
    expect(document.activeElement).toBe(document.body);
  });

  it('titles each new page and moves focus to its content', async () => {
    const router = routerWithMain();
    await router.push('/');

    await router.push('/smelt');

    expect(document.title).toBe('Country of Smelt | AIM Test');
    expect(document.activeElement?.id).toBe('main-content');
  });

  it('leaves focus where it is when only the query changes', async () => {
    const router = routerWithMain();
    await router.push('/');

    await router.push('/?year=2025');

    expect(document.activeElement).toBe(document.body);
  });
});
