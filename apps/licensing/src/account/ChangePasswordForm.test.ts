import { describe, expect, it } from 'vitest';
import { filerWithCompany, PASSWORD } from '../testing/fixtures';
import { badUserInput, mockApi } from '../testing/mock-api';
import { type AppWrapper, mountApp, submitFormOf } from '../testing/mount-app';

const tokens = { ApiTokens: { data: { apiTokens: [] } } };

async function changePassword(wrapper: AppWrapper, next: string, again = next) {
  await wrapper.get('#password-currentPassword').setValue('Old-horse-8');
  await wrapper.get('#password-newPassword').setValue(next);
  await wrapper.get('#password-newPasswordConfirmation').setValue(again);
  await submitFormOf(wrapper, '#password-currentPassword');
}

describe('Change password', () => {
  it('ACC-2 sends the current and the new password, then clears the form', async () => {
    const api = mockApi({ ...tokens, ChangePassword: { data: { changePassword: true } } });
    const { wrapper } = await mountApp('/account', api, filerWithCompany);

    await changePassword(wrapper, PASSWORD);

    expect(api.callsTo('ChangePassword')).toEqual([{ currentPassword: 'Old-horse-8', newPassword: PASSWORD }]);
    expect(document.activeElement?.textContent).toContain('Password changed.');
    expect(wrapper.get<HTMLInputElement>('#password-newPassword').element.value).toBe('');
  });

  it('#10.7 ACC-7 says that the change revoked every API token', async () => {
    const api = mockApi({ ...tokens, ChangePassword: { data: { changePassword: true } } });
    const { wrapper } = await mountApp('/account', api, filerWithCompany);
    const tokenLoads = api.callsTo('ApiTokens').length;

    await changePassword(wrapper, PASSWORD);

    expect(document.activeElement?.textContent).toContain(
      'Every API token of your account was revoked: programs that use AIM need a new token, which you can create under API tokens below.',
    );
    // The token list below is read again, so it no longer shows the revoked tokens.
    expect(api.callsTo('ApiTokens').length).toBeGreaterThan(tokenLoads);
  });

  it('refuses a mistyped confirmation before sending', async () => {
    const api = mockApi(tokens);
    const { wrapper } = await mountApp('/account', api, filerWithCompany);

    await changePassword(wrapper, PASSWORD, `${PASSWORD}!`);

    expect(api.callsTo('ChangePassword')).toEqual([]);
    expect(wrapper.get('#password-newPasswordConfirmation-error').text()).toContain('The passwords do not match.');
  });

  it('shows the server’s verdict on the current password beside that field', async () => {
    const api = mockApi({
      ...tokens,
      ChangePassword: badUserInput({ path: 'currentPassword', message: 'Your current password is incorrect.' }),
    });
    const { wrapper } = await mountApp('/account', api, filerWithCompany);

    await changePassword(wrapper, PASSWORD);

    expect(wrapper.get('#password-currentPassword-error').text()).toBe('Your current password is incorrect.');
  });
});
