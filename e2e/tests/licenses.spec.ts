import { readFile } from 'node:fs/promises';
import { checkPage, checkPageAtPhoneWidth, expect, test } from '../support/aim.js';
import { easternDay as eastern, gql, standardApplication as application } from '../support/filer.js';

test.describe('the filer’s licenses (DASH-1..3)', () => {
  test('lists the company’s licenses, filters them by URL, and shows a flagged one with its reasons', async ({ page, aim }) => {
    // A filer with a profile and two licenses, made through the API in this browser's session.
    const email = `licenses-${Date.now()}@example.com`;
    await gql(page.request, aim.origin, 'mutation ($email: String!) { requestSignUpCode(email: $email) }', { email });
    const code = await aim.latestCode(email);
    await gql(page.request, aim.origin, 'mutation ($input: SignUpInput!) { signUp(input: $input) { user { id } } }', {
      input: { email, code, displayName: 'Pat at GLM', firstName: 'Pat', lastName: 'Lee', password: 'Rolled-sheet-2026' },
    });
    await gql(page.request, aim.origin, 'mutation ($input: ProfileInput!) { updateProfile(input: $input) { id } }', {
      input: { ein: '38-2745619', companyName: 'Great Lakes Metals Trading LLC', companyType: 'IMPORTER', street: '1200 Atwater Street', city: 'Detroit', state: 'MI', zip: '48207', phone: '313-555-0142' },
    });
    const submit = 'mutation ($input: StandardLicenseInput!) { submitLicense(input: $input, certify: true) { number status } }';
    const usual = (await gql(page.request, aim.origin, submit, { input: application(65_280) }))?.submitLicense as { number: string; status: string };
    // A value per metric ton typed where the form asks per kg: a thousand times too low (LIC-11).
    const mixUp = (await gql(page.request, aim.origin, submit, { input: application(65.28) }))?.submitLicense as { number: string; status: string };
    expect([usual.status, mixUp.status]).toEqual(['SUBMITTED', 'ACTION_REQUIRED']);

    await page.goto(`${aim.origin}/licensing/licenses`);
    await expect(page.getByRole('heading', { name: 'My licenses' })).toBeVisible();
    await expect(page.getByText('1–2 of 2 licenses')).toBeVisible();
    await checkPage(page, 'licenses');

    // USWDS draws its own checkbox over the input; people click the label.
    await page.locator('label[for="filter-status-ACTION_REQUIRED"]').click();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/status=ACTION_REQUIRED/);
    await expect(page.getByText('1–1 of 1 license')).toBeVisible();
    await page.reload();
    await expect(page.getByText('1–1 of 1 license')).toBeVisible();
    await expect(page.getByLabel('Action required')).toBeChecked();

    await page.getByRole('button', { name: `Show summary of ${mixUp.number}` }).click();
    await expect(page.getByText(/far below the usual/).first()).toBeVisible();
    await checkPage(page, 'licenses-filtered');

    // DASH-2: the applied filter saved under a name…
    await page.getByLabel('Name', { exact: true }).fill('Flagged');
    await page.getByRole('button', { name: 'Save this search' }).click();
    await expect(page.getByText('Saved “Flagged”.')).toBeVisible();
    await checkPage(page, 'licenses-saved-search');

    // …what is filtered, as a CSV: the flagged license and not the other.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('License number');
    expect(csv).toContain(mixUp.number);
    expect(csv).not.toContain(usual.number);

    // …and applied again in one click.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByText('1–2 of 2 licenses')).toBeVisible();
    await page.getByRole('link', { name: 'Flagged', exact: true }).click();
    await expect(page).toHaveURL(/status=ACTION_REQUIRED/);
    await expect(page.getByText('1–1 of 1 license')).toBeVisible();

    // Issue #6 item 7: the dashboard, saved searches and all, fits a phone.
    await checkPageAtPhoneWidth(page, 'licenses-360');

    // A backwards date range is said beside its field, not answered with an empty list.
    await page.locator('#filter-importFrom').fill(eastern(10));
    await page.locator('#filter-importTo').fill(eastern(1));
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.locator('#filter-importTo-error')).toContainText('the “to” date is before the “from” date');
    await expect(page).not.toHaveURL(/importTo/);
    await checkPage(page, 'licenses-backwards-dates');

    // DASH-2: a saved search is deleted after a question.
    await page.getByRole('button', { name: 'Delete the saved search “Flagged”' }).click();
    await expect(page.getByText('Delete the saved search “Flagged”?')).toBeVisible();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect(page.getByText('Deleted “Flagged”.')).toBeVisible();
    await expect(page.getByText('You have no saved searches yet.')).toBeVisible();

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByText('1–2 of 2 licenses')).toBeVisible();

    await page.getByRole('link', { name: mixUp.number }).click();
    await expect(page.getByRole('heading', { name: `License ${mixUp.number}` })).toBeVisible();
    await expect(page.getByText('(flagged)')).toBeVisible();
    await checkPage(page, 'license-action-required');

    await checkPageAtPhoneWidth(page, 'license-action-required-360');

    // LIC-11: the filer confirms the flagged license without change.
    await page.getByRole('button', { name: 'Confirm without change' }).click();
    await expect(page.getByText(`License ${mixUp.number} is confirmed without change.`)).toBeVisible();
    await expect(page.locator('.usa-alert--error')).toHaveCount(0);

    // DASH-3: the printable license, made for paper.
    await page.getByRole('link', { name: 'Printable license' }).click();
    await expect(page.locator('.number')).toHaveText(mixUp.number);
    await checkPage(page, 'license-print');

    // LIC-10: cancelling asks first and says it cannot be undone.
    await page.goto(`${aim.origin}/licensing/licenses/${usual.number}`);
    await page.getByRole('button', { name: 'Cancel this license' }).click();
    await expect(page.getByText('Cancelling cannot be undone')).toBeVisible();
    await checkPage(page, 'license-cancel-question');
    await page.getByRole('button', { name: `Yes, cancel ${usual.number}` }).click();
    await expect(page.getByText(`License ${usual.number} is cancelled.`)).toBeVisible();
    await expect(page.getByText('Cancelled', { exact: true }).first()).toBeVisible();

    // a number the company does not hold says so and nothing more.
    await page.goto(`${aim.origin}/licensing/licenses/ZZZZZZZZZ`);
    await expect(page.getByRole('heading', { name: 'No license ZZZZZZZZZ' })).toBeVisible();
  });
});
