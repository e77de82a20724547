import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { filerWithCompany, PASSWORD } from '../testing/fixtures';
import { dashboardApi } from '../testing/licenses';
import { badUserInput, deferred, failure, mockApi } from '../testing/mock-api';
import { type AppWrapper, mountApp, submitFormOf } from '../testing/mount-app';

async function fillAndSubmit(wrapper: AppWrapper, email: string, password: string) {
  await wrapper.get('#sign-in-email').setValue(email);
  await wrapper.get('#sign-in-password').setValue(password);
  await submitFormOf(wrapper, '#sign-in-password');
}

describe('Sign in', () => {
  it('ACC-4 signs in with the typed email and password, then returns to the page that asked for it', async () => {
    const api = mockApi({
      Me: { data: { me: null } },
      SignIn: { data: { signIn: { user: filerWithCompany } } },
      ApiTokens: { data: { apiTokens: [] } },
    });
    const { wrapper, router } = await mountApp('/account', api);
    expect(router.currentRoute.value.fullPath).toBe('/sign-in?next=/account');
    expect(document.title).toBe('Sign in | AIM Licensing');

    await fillAndSubmit(wrapper, ' pat@glm.example ', PASSWORD);

    expect(api.callsTo('SignIn')).toEqual([{ email: 'pat@glm.example', password: PASSWORD }]);
    await vi.waitUntil(() => router.currentRoute.value.path === '/account');
    expect(wrapper.get('header').text()).toContain('Pat at GLM');
  });

  it('ACC-4 lands on My licenses, the dashboard, when no page asked for the sign-in (DASH-1)', async () => {
    const api = dashboardApi({ SignIn: { data: { signIn: { user: filerWithCompany } } } });
    const { wrapper, router } = await mountApp('/sign-in', api, null);

    await fillAndSubmit(wrapper, 'pat@glm.example', PASSWORD);

    await vi.waitUntil(() => router.currentRoute.value.path === '/licenses');
    expect(document.title).toBe('My licenses | AIM Licensing');
  });

  it.each([
    ['UNAUTHENTICATED', failure('UNAUTHENTICATED', 'No account for pat@glm.example')],
    ['BAD_USER_INPUT', badUserInput({ path: 'password', message: 'Wrong password for this account' })],
  ])('ACC-4 answers a %s refusal with one generic message that never tells whether the account exists', async (_code, reply) => {
    const api = mockApi({ SignIn: reply });
    const { wrapper, router } = await mountApp('/sign-in', api, null);

    await fillAndSubmit(wrapper, 'pat@glm.example', 'not-the-password');

    const summary = wrapper.get('.usa-alert--error');
    expect(summary.text()).toContain('Email or password is incorrect.');
    expect(wrapper.text()).not.toMatch(/No account|Wrong password/);
    expect(wrapper.find('.usa-error-message').exists()).toBe(false);
    expect(document.activeElement).toBe(summary.element);
    expect(router.currentRoute.value.path).toBe('/sign-in');
  });

  it('ACC-4 asks to wait 15 minutes after too many attempts', async () => {
    const api = mockApi({ SignIn: failure('TOO_MANY_REQUESTS') });
    const { wrapper } = await mountApp('/sign-in', api, null);

    await fillAndSubmit(wrapper, 'pat@glm.example', PASSWORD);

    expect(wrapper.get('.usa-alert--error').text()).toContain('Too many attempts. Wait 15 minutes and try again.');
  });

  it('disables the button with "Signing in…" while waiting, and says so when AIM cannot be reached', async () => {
    const reply = deferred();
    const api = mockApi({ SignIn: reply.responder });
    const { wrapper } = await mountApp('/sign-in', api, null);

    await fillAndSubmit(wrapper, 'pat@glm.example', PASSWORD);
    const button = wrapper.get('button[type=submit]');
    expect(button.text()).toBe('Signing in…');
    expect(button.attributes('disabled')).toBeDefined();

    reply.release({ networkError: true });
    await flushPromises();
    expect(button.text()).toBe('Sign in');
    expect(wrapper.get('.usa-alert--error').text()).toContain('We could not reach AIM');
  });

  it('checks the fields before sending, with the errors beside them and linked from the summary', async () => {
    const api = mockApi({});
    const { wrapper } = await mountApp('/sign-in', api, null);

    await fillAndSubmit(wrapper, 'pat@glm', '');

    expect(api.callsTo('SignIn')).toEqual([]);
    expect(wrapper.get('#sign-in-email-error').text()).toBe('Enter an email address like name@example.com.');
    expect(wrapper.get('#sign-in-email').attributes('aria-describedby')).toBe('sign-in-email-error');
    expect(wrapper.get('#sign-in-password-error').text()).toBe('Enter your password.');
    await wrapper.get('.usa-alert--error a').trigger('click');
    expect(document.activeElement?.id).toBe('sign-in-email');
  });
});
