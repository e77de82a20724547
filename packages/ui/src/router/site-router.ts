import { nextTick } from 'vue';
import { type Router, type RouteRecordRaw, type RouterHistory, createRouter } from 'vue-router';
import { focusMainContent } from '../layout/main-content';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page's part of `document.title`. */
    title: string;
  }
}

interface SiteRouterOptions {
  /** After each page's title in the browser tab. */
  siteName: string;
  history: RouterHistory;
  routes: RouteRecordRaw[];
}

/**
 * A router whose navigations behave like page loads: back and forward return to where the reader was,
 * other pages start at the top; and for screen reader users, the tab gets the new page's title
 * (`Page | Site`) and focus moves to the page's content.
 */
export function createSiteRouter({ siteName, history, routes }: SiteRouterOptions): Router {
  const router = createRouter({ history, routes, scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 } });

  router.afterEach(async (to, from) => {
    document.title = `${to.meta.title} | ${siteName}`;
    // Not on the first page, which the browser has just loaded; nor when only the query or hash changes.
    if (from.matched.length > 0 && to.path !== from.path) {
      await nextTick();
      focusMainContent();
    }
  });

  return router;
}
