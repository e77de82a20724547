import { nextTick } from 'vue';
import { type RouterHistory, createRouter, createWebHistory } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page's part of `document.title`. */
    title: string;
  }
}

export const siteName = 'AIM — Aluminum Import Monitor';

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createRouter({
    history,
    routes: [
      {
        path: '/',
        name: 'import-monitor',
        component: () => import('./dashboards/ImportMonitorPage.vue'),
        meta: { title: 'Import Monitor' },
      },
      {
        path: '/most-recent-cast',
        name: 'most-recent-cast',
        component: () => import('./dashboards/MostRecentCastPage.vue'),
        meta: { title: 'Country of Most Recent Cast' },
      },
      {
        path: '/smelt',
        name: 'smelt',
        component: () => import('./dashboards/SmeltPage.vue'),
        meta: { title: 'Country of Smelt' },
      },
      { path: '/about', name: 'about', component: () => import('./about/AboutPage.vue'), meta: { title: 'About the data' } },
      {
        path: '/:unknown(.*)*',
        name: 'not-found',
        component: () => import('./NotFoundPage.vue'),
        meta: { title: 'Page not found' },
      },
    ],
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });

  router.afterEach(async (to, from) => {
    document.title = `${to.meta.title} | ${siteName}`;
    // A new page moves focus to its content, as a full page load would for screen reader users.
    if (from.matched.length > 0 && to.path !== from.path) {
      await nextTick();
      document.getElementById('main-content')?.focus();
    }
  });

  return router;
}
