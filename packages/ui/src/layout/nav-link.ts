import type { RouteLocationRaw } from 'vue-router';

/**
 * A link in the site's header or footer: to a page of this app (`to`, a router link), or to a page the
 * router does not own (`href`, such as the other app), which the browser loads in full.
 */
export type NavLink = { label: string; to: RouteLocationRaw } | { label: string; href: string };
