import { createSiteRouter } from '@aim/ui';
import { type RouterHistory, createWebHistory } from 'vue-router';

export const siteName = 'AIM — Aluminum Import Monitor';

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  return createSiteRouter({
    siteName,
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
  });
}
