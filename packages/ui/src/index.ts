// What both AIM apps share. Tests' helpers are in '@aim/ui/testing'.
export { createApiClient } from './graphql/api-client';
export { type ResultOf, type VariablesOf, graphql } from './graphql/graphql';
export { default as SiteShell } from './layout/SiteShell.vue';
export type { NavLink } from './layout/nav-link';
export { createSiteRouter } from './router/site-router';
