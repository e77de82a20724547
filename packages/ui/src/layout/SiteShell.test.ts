import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import SiteShell from './SiteShell.vue';
import type { NavLink } from './nav-link';

enableAutoUnmount(afterEach);

const page = (heading: string) => defineComponent({ render: () => h('h1', heading) });

const navLinks: NavLink[] = [
  { label: 'Dashboards', to: { name: 'dashboards' } },
  { label: 'About', to: { name: 'about' } },
  { label: 'Other app', href: '/other/' },
];

async function mountShell(options: { extendedHeader?: boolean; slots?: Record<string, () => unknown> } = {}) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'dashboards', component: page('Dashboards'), meta: { title: 'Dashboards' } },
      { path: '/about', name: 'about', component: page('About'), meta: { title: 'About' } },
    ],
  });
  await router.push('/');
  await router.isReady();
  const wrapper = mount(SiteShell, {
    attachTo: document.body,
    props: {
      siteName: 'AIM Test',
      home: { name: 'dashboards' },
      navLinks,
      footerLinks: [{ label: 'About the data', to: { name: 'about' } }],
      extendedHeader: options.extendedHeader,
    },
    slots: options.slots,
    global: { plugins: [router] },
  });
  await flushPromises();
  return { wrapper, router };
}

describe('Site shell', () => {
  it('has a skip link to the main content, then the header, main and footer landmarks', async () => {
    const { wrapper } = await mountShell();

    const skipLink = wrapper.get('a.usa-skipnav');
    expect(skipLink.attributes('href')).toBe('#main-content');
    await skipLink.trigger('click');
    expect(document.activeElement).toBe(wrapper.get('main#main-content').element);
    expect(wrapper.get('main').text()).toBe('Dashboards');
    expect(wrapper.get('header nav').attributes('aria-label')).toBe('Primary navigation');
    expect(wrapper.get('footer nav').attributes('aria-label')).toBe('Footer navigation');
  });

  it('links to the app’s pages through the router, to other sites in full, and marks the current page', async () => {
    const { wrapper, router } = await mountShell();

    expect(wrapper.get('.usa-logo a').text()).toBe('AIM Test');
    const links = wrapper.findAll('header nav a');
    expect(links.map((link) => [link.text(), link.attributes('href')])).toEqual([
      ['Dashboards', '/'],
      ['About', '/about'],
      ['Other app', '/other/'],
    ]);
    expect(links.filter((link) => link.classes('usa-current')).map((link) => link.text())).toEqual(['Dashboards']);

    await links.at(1)?.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('about');
    expect(wrapper.get('footer a').text()).toBe('About the data');
  });

  it('puts the banner above the header and the secondary content in the menu', async () => {
    const { wrapper } = await mountShell({
      slots: { banner: () => h('section', { id: 'banner' }, 'Test server'), secondary: () => h('p', 'Signed in') },
    });

    expect(wrapper.get('#banner').element.nextElementSibling?.classList).toContain('usa-overlay');
    expect(wrapper.get('#site-navigation').text()).toContain('Signed in');
  });

  it.each([
    [false, 'usa-header--basic', '.usa-nav-container'],
    [true, 'usa-header--extended', '.usa-nav__inner'],
  ])('extended header %s: %s, with USWDS’s %s', async (extendedHeader, headerClass, box) => {
    const { wrapper } = await mountShell({ extendedHeader });

    expect(wrapper.get('header').classes()).toContain(headerClass);
    expect(wrapper.find(box).exists()).toBe(true);
  });

  it('opens and closes the small-screen menu from the keyboard', async () => {
    const { wrapper } = await mountShell();
    const menuButton = wrapper.get('.usa-menu-btn');

    await menuButton.trigger('click');
    expect(menuButton.attributes('aria-expanded')).toBe('true');
    expect(wrapper.get('#site-navigation').classes()).toContain('is-visible');
    expect(document.activeElement).toBe(wrapper.get('.usa-nav__close').element);

    await wrapper.get('#site-navigation').trigger('keydown', { key: 'Escape' });
    expect(menuButton.attributes('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menuButton.element);
  });

  it('closes the small-screen menu when a link leads to another page', async () => {
    const { wrapper } = await mountShell();
    await wrapper.get('.usa-menu-btn').trigger('click');

    await wrapper.findAll('header nav a').at(1)?.trigger('click');
    await flushPromises();

    expect(wrapper.get('#site-navigation').classes()).not.toContain('is-visible');
  });
});
