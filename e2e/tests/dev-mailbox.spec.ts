import { type Aim, checkPage, expect, startAim, test } from '../support/aim.js';

test.describe('without SMTP: the development mailbox', () => {
  let aim: Aim;
  test.beforeAll(async () => {
    aim = await startAim({ smtp: false });
  });
  test.afterAll(async () => {
    await aim?.stop();
  });

  test('shows the sign-up code a newcomer needs', async ({ page }) => {
    const email = `newcomer-${Date.now()}@example.com`;
    await page.goto(`${aim.origin}/licensing/sign-up`);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(page.getByLabel('Code from the email')).toBeVisible();

    await page.getByRole('link', { name: /development mailbox/i }).first().click();
    await expect(page).toHaveURL(/\/licensing\/dev\/mailbox/);
    await expect(page.getByText(email).first()).toBeVisible();
    await expect(page.getByText(/verification code: \d{6}/).first()).toBeVisible();
    await checkPage(page, 'dev-mailbox');
  });
});
