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
    // The outbox worker sends after the answer: the mailbox page shows what was sent when it opens.
    await expect.poll(async () => JSON.stringify(await (await fetch(`${aim.origin}/api/dev/mailbox`)).json())).toContain(email);

    await page.getByRole('link', { name: /development mailbox/i }).first().click();
    await expect(page).toHaveURL(/\/licensing\/dev\/mailbox/);
    await expect(page.getByText(email).first()).toBeVisible();
    await expect(page.getByText(/verification code: \d{6}/).first()).toBeVisible();
    await checkPage(page, 'dev-mailbox');
  });
});
