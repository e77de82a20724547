import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory } from 'vue-router';
import App from '../App.vue';
import type { User } from '../graphql/account';
import { createAppRouter } from '../router';
import { createSession, sessionKey } from '../session/session';
import type { MockApi } from './mock-api';

/**
 * The whole app (header, router and its guards, pages) at `path`, talking to the fake API. `user` seeds
 * the session; without it the session asks the API's `Me` like a fresh page load.
 */
export async function mountApp(path: string, api: MockApi, user?: User | null) {
  const session = createSession(api.client);
  if (user) session.signedIn(user);
  else if (user === null) session.signedOut();
  const router = createAppRouter(session, createMemoryHistory(import.meta.env.BASE_URL));
  await router.push(path);
  await router.isReady();
  const wrapper = mount(App, {
    attachTo: document.body,
    global: { plugins: [[urql, api.client], router], provide: { [sessionKey]: session } },
  });
  await flushPromises();
  return { wrapper, router, session };
}

export type AppWrapper = Awaited<ReturnType<typeof mountApp>>['wrapper'];

/** Submits the form that holds the field, as pressing Enter in it would, and lets the replies arrive. */
export async function submitFormOf(wrapper: AppWrapper, fieldSelector: string) {
  await wrapper.get(fieldSelector).element.closest('form')?.requestSubmit();
  await flushPromises();
}
