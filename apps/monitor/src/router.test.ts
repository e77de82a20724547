import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from './App.vue';
import { createAppRouter } from './router';
import { mockClient } from '@aim/ui/testing';

async function mountAt(path: string) {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const client = mockClient(async () => ({ data: { productGroups: [] } }));
  const wrapper = mount(App, { attachTo: document.body, global: { plugins: [[urql, client], router] } });
  await flushPromises();
  return { wrapper, router };
}

describe('Monitor pages', () => {
  it.each([
    ['/', 'Import Monitor'],
    ['/most-recent-cast', 'Country of Most Recent Cast'],
    ['/smelt', 'Country of Smelt'],
  ])('%s has its heading, its title and an honest placeholder instead of figures', async (path, heading) => {
    const { wrapper } = await mountAt(path);

    expect(wrapper.get('h1').text()).toBe(heading);
    expect(document.title).toBe(`${heading} | AIM — Aluminum Import Monitor`);
    expect(wrapper.text()).toContain('This dashboard arrives with the first weekly publication.');
    expect(wrapper.find('main table, main svg, main canvas').exists()).toBe(false);
  });

  it('navigates between the dashboards and links to the licensing app', async () => {
    const { wrapper, router } = await mountAt('/');

    const links = wrapper.findAll('header nav a');
    expect(links.map((link) => link.text())).toEqual([
      'Import Monitor',
      'Country of Most Recent Cast',
      'Country of Smelt',
      'About the data',
      'Import licenses',
    ]);
    expect(links.at(-1)?.attributes('href')).toBe('/licensing/');
    expect(links.at(0)?.classes()).toContain('usa-current');

    await links.at(2)?.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/smelt');
    expect(document.activeElement?.id).toBe('main-content');
  });
});
