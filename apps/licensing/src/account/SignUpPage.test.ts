import { PASSWORD_RULE } from '@aim/domain';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { newFiler, PASSWORD } from '../testing/fixtures';
import { badUserInput, mockApi } from '../testing/mock-api';
import { type AppWrapper, mountApp, submitFormOf } from '../testing/mount-app';

async function requestCode(wrapper: AppWrapper) {
  await wrapper.get('#sign-up-email-email').setValue('pat@glm.example');
  await submitFormOf(wrapper, '#sign-up-email-email');
}

async function fillAccount(wrapper: AppWrapper, password: string) {
  await wrapper.get('#sign-up-code').setValue('123456');
  await wrapper.get('#sign-up-displayName').setValue('Pat at GLM');
  await wrapper.get('#sign-up-firstName').setValue('Pat');
  await wrapper.get('#sign-up-lastName').setValue('Lee');
  await wrapper.get('#sign-up-password').setValue(password);
  await wrapper.get('#sign-up-passwordConfirmation').setValue(password);
  await submitFormOf(wrapper, '#sign-up-password');
}

describe('Sign up', () => {
  it('ACC-1 sends a code to the email, creates the account with it, and opens My account at the profile step', async () => {
    const api = mockApi({
      RequestSignUpCode: { data: { requestSignUpCode: true } },
      SignUp: { data: { signUp: { user: newFiler } } },
      ApiTokens: { data: { apiTokens: [] } },
    });
    const { wrapper, router } = await mountApp('/sign-up', api, null);

    await requestCode(wrapper);
    expect(api.callsTo('RequestSignUpCode')).toEqual([{ email: 'pat@glm.example' }]);
    expect(wrapper.text()).toContain('If pat@glm.example can be used for a new account, we sent a 6-digit code to it.');
    expect(wrapper.text()).toContain('The code expires in 10 minutes.');
    expect(wrapper.get('.usa-step-indicator__heading').text()).toMatch(/Step\s*2\s*of 3\s*Account details/);

    await fillAccount(wrapper, PASSWORD);
    expect(api.callsTo('SignUp')).toEqual([
      {
        input: {
          email: 'pat@glm.example',
          code: '123456',
          displayName: 'Pat at GLM',
          firstName: 'Pat',
          lastName: 'Lee',
          password: PASSWORD,
        },
      },
    ]);
    await vi.waitUntil(() => wrapper.text().includes('Step 3 of 3: complete your company profile.'));
    expect(router.currentRoute.value.fullPath).toBe('/account?welcome=1');
  });

  it('ACC-2 blocks a weak password with the rule’s text, before asking the server', async () => {
    const api = mockApi({ RequestSignUpCode: { data: { requestSignUpCode: true } } });
    const { wrapper } = await mountApp('/sign-up', api, null);
    await requestCode(wrapper);

    await fillAccount(wrapper, 'password1');

    expect(api.callsTo('SignUp')).toEqual([]);
    expect(wrapper.get('#sign-up-password-error').text()).toBe(`The password is too easy to guess. ${PASSWORD_RULE}`);
    expect(wrapper.get('#sign-up-password').attributes('aria-describedby')).toBe('sign-up-password-hint sign-up-password-error');
    expect(wrapper.get('#sign-up-password-hint').text()).toBe(PASSWORD_RULE);
  });

  it('ACC-1 shows a wrong or expired code beside the code field', async () => {
    const api = mockApi({
      RequestSignUpCode: { data: { requestSignUpCode: true } },
      SignUp: badUserInput({ path: 'code', message: 'This code is wrong or has expired. Send a new code.' }),
    });
    const { wrapper } = await mountApp('/sign-up', api, null);
    await requestCode(wrapper);

    await fillAccount(wrapper, PASSWORD);

    expect(wrapper.get('#sign-up-code-error').text()).toBe('This code is wrong or has expired. Send a new code.');
    expect(document.activeElement).toBe(wrapper.get('.usa-alert--error').element);
  });

  it('ACC-1 sends a new code on request, and lets the person change the email', async () => {
    const api = mockApi({ RequestSignUpCode: { data: { requestSignUpCode: true } } });
    const { wrapper } = await mountApp('/sign-up', api, null);
    await requestCode(wrapper);

    const sendAgain = wrapper.findAll('button').find((button) => button.text() === 'Send a new code');
    await sendAgain?.trigger('click');
    await flushPromises();
    expect(api.callsTo('RequestSignUpCode')).toHaveLength(2);
    expect(wrapper.get('[role=status]').text()).toBe('We sent a new code to pat@glm.example.');

    const changeEmail = wrapper.findAll('button').find((button) => button.text() === 'use a different email');
    await changeEmail?.trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(wrapper.get('#sign-up-email-email').element);
    expect(wrapper.get<HTMLInputElement>('#sign-up-email-email').element.value).toBe('pat@glm.example');
  });
});
