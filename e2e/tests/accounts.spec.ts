import { ANALYST, checkPage, checkPageAtPhoneWidth, expect, test } from '../support/aim.js';

const PASSWORD = 'Rolled-sheet-2026';

test.describe('accounts in the licensing app (ACC-1..4)', () => {
  test('a filer signs up with the emailed code, completes the profile, signs out and in again', async ({ page, aim }) => {
    const email = `e2e-${Date.now()}@example.com`;

    await page.goto(`${aim.origin}/licensing/`);
    await checkPage(page, 'licensing-home');
    await checkPageAtPhoneWidth(page, 'licensing-home-360');

    await page.goto(`${aim.origin}/licensing/sign-up`);
    await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
    await checkPage(page, 'sign-up-email');
    await checkPageAtPhoneWidth(page, 'sign-up-email-360');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send code' }).click();

    // ACC-1: a wrong code is refused beside its field.
    const code = await aim.latestCode(email);
    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByLabel('Code from the email').fill(wrong);
    await page.getByLabel('Display name').fill('Pat at Great Lakes Metals');
    await page.getByLabel('First name').fill('Pat');
    await page.getByLabel('Last name').fill('Lee');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Type the password again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText(/code is wrong or has expired/).first()).toBeVisible();
    await checkPage(page, 'sign-up-wrong-code');

    await page.getByLabel('Code from the email').fill(code);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
    await expect(page.getByText('complete your company profile')).toBeVisible();
    await checkPage(page, 'account-new');

    // ACC-3: the server's field errors show beside the fields; nothing is saved.
    await page.getByLabel('Employer Identification Number (EIN)').fill('123-45-6789');
    await page.getByLabel('Company name').fill('Great Lakes Metals Trading LLC');
    // USWDS hides the radio input itself; people click its label.
    await page.getByText('Importer', { exact: true }).click();
    await expect(page.getByLabel('Importer', { exact: true })).toBeChecked();
    await page.getByLabel('U.S. street address').fill('1200 Atwater Street');
    await page.getByLabel('City').fill('Detroit');
    await page.getByLabel('State, territory or military post').selectOption('MI');
    await page.getByLabel('ZIP code').fill('48207');
    await page.getByLabel('Phone').fill('313-555-0142');
    await page.getByRole('button', { name: 'Save company profile' }).click();
    await expect(page.getByText(/Social Security number/).first()).toBeVisible();
    await checkPage(page, 'account-profile-errors');

    await page.getByLabel('Employer Identification Number (EIN)').fill('38-2745619');
    await page.getByRole('button', { name: 'Save company profile' }).click();
    await expect(page.getByText('Company profile saved.')).toBeVisible();
    await expect(page.getByText('complete your company profile')).toHaveCount(0);
    await checkPage(page, 'account-profile-saved');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await checkPage(page, 'sign-in');
    await checkPageAtPhoneWidth(page, 'sign-in-360');

    // ACC-4: a wrong password gets the generic message.
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('Not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(/Email or password is incorrect/).first()).toBeVisible();

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Issue #6 item 3: the dashboard is where a filer lands.
    await expect(page.getByRole('heading', { name: 'My licenses' })).toBeVisible();
    await page.getByRole('link', { name: 'My account' }).click();
    await expect(page.getByLabel('Employer Identification Number (EIN)')).toHaveValue('38-2745619');
  });

  test('the forgot-password page is accessible', async ({ page, aim }) => {
    await page.goto(`${aim.origin}/licensing/forgot-password`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await checkPage(page, 'forgot-password');
    await checkPageAtPhoneWidth(page, 'forgot-password-360');
  });

  test('ACC-7 the analyst named at start-up signs in as an analyst', async ({ page, aim }) => {
    await page.goto(`${aim.origin}/licensing/sign-in`);
    await page.getByLabel('Email address').fill(ANALYST.email);
    await page.getByLabel('Password').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // An analyst starts at the review queue (REV-1), not at a filer's dashboard.
    await expect(page).toHaveURL(/\/licensing\/review$/);
    await page.getByRole('navigation', { name: 'Primary navigation' }).getByRole('link', { name: 'My account' }).click();
    await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
    await expect(page.getByText('Analyst', { exact: true })).toBeVisible();
  });
});
