import { createSiteRouter } from '@aim/ui';
import { type RouterHistory, createWebHistory } from 'vue-router';
import type { Session } from './session/session';

declare module 'vue-router' {
  interface RouteMeta {
    requiresSignIn?: boolean;
    /** REV-1: the review pages are for Commerce analysts; the guard turns filers away before they load. */
    requiresAnalyst?: boolean;
  }
}

export const siteName = 'AIM Licensing';

/** Where to go after signing in: only a path inside this app, never another site; by default the landing page, which knows where each role starts. */
export function returnPath(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function createAppRouter(session: Session, history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createSiteRouter({
    siteName,
    history,
    routes: [
      { path: '/', name: 'home', component: () => import('./home/HomePage.vue'), meta: { title: 'Aluminum import licenses' } },
      { path: '/sign-up', name: 'sign-up', component: () => import('./account/SignUpPage.vue'), meta: { title: 'Create an account' } },
      { path: '/sign-in', name: 'sign-in', component: () => import('./account/SignInPage.vue'), meta: { title: 'Sign in' } },
      {
        path: '/forgot-password',
        name: 'forgot-password',
        component: () => import('./account/ForgotPasswordPage.vue'),
        meta: { title: 'Reset your password' },
      },
      {
        path: '/account',
        name: 'account',
        component: () => import('./account/AccountPage.vue'),
        meta: { title: 'My account', requiresSignIn: true },
      },
      {
        path: '/licenses',
        name: 'licenses',
        component: () => import('./licenses/LicensesPage.vue'),
        meta: { title: 'My licenses', requiresSignIn: true },
      },
      {
        path: '/licenses/:number',
        name: 'license',
        component: () => import('./licenses/LicensePage.vue'),
        props: true,
        meta: { title: 'License', requiresSignIn: true },
      },
      {
        path: '/licenses/new',
        name: 'apply',
        component: () => import('./apply/ApplyPage.vue'),
        props: (route) => ({ from: typeof route.query.from === 'string' ? route.query.from : undefined }),
        meta: { title: 'Apply for a license', requiresSignIn: true },
      },
      {
        path: '/licenses/new/low-value',
        name: 'apply-low-value',
        component: () => import('./apply/LowValueLicensePage.vue'),
        meta: { title: 'Apply for a low value license', requiresSignIn: true },
      },
      {
        path: '/licenses/:number/correct',
        name: 'license-correct',
        component: () => import('./apply/ModifyPage.vue'),
        props: true,
        meta: { title: 'Correct a license', requiresSignIn: true },
      },
      {
        path: '/licenses/:number/issued',
        name: 'license-submitted',
        component: () => import('./apply/LicenseSubmittedPage.vue'),
        props: (route) => ({ number: route.params.number, corrected: route.query.corrected === '1' }),
        meta: { title: 'License issued', requiresSignIn: true },
      },
      {
        path: '/review',
        name: 'review',
        component: () => import('./review/ReviewQueuePage.vue'),
        meta: { title: 'Review queue', requiresSignIn: true, requiresAnalyst: true },
      },
      {
        path: '/review/:number',
        name: 'review-license',
        component: () => import('./review/ReviewLicensePage.vue'),
        props: true,
        meta: { title: 'Review a license', requiresSignIn: true, requiresAnalyst: true },
      },
      {
        path: '/analysts-only',
        name: 'analysts-only',
        component: () => import('./review/AnalystsOnlyPage.vue'),
        meta: { title: 'For Commerce analysts only' },
      },
      {
        path: '/dev/mailbox',
        name: 'dev-mailbox',
        component: () => import('./dev/MailboxPage.vue'),
        meta: { title: 'Development mailbox' },
      },
      {
        path: '/:unknown(.*)*',
        name: 'not-found',
        component: () => import('./home/NotFoundPage.vue'),
        meta: { title: 'Page not found' },
      },
    ],
  });

  // Every page needs to know who is signed in, the header at least; the session asks only once.
  router.beforeEach(async (to) => {
    const user = await session.load();
    if (to.meta.requiresSignIn && !user) return { name: 'sign-in', query: { next: to.fullPath } };
    // The API refuses a filer too; saying so up front beats a page that loads and then fails (REV-1).
    if (to.meta.requiresAnalyst && user?.role !== 'ANALYST') return { name: 'analysts-only', replace: true };
    // Signed-in people have no use for the landing page: their licenses are what they come for (DASH-1).
    if (to.name === 'home' && user) return { name: user.role === 'ANALYST' ? 'review' : 'licenses' };
    return true;
  });

  return router;
}
