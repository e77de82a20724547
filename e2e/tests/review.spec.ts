import { ANALYST, checkPage, checkPageAtPhoneWidth, expect, test } from '../support/aim.js';
import { gql, signUpFiler, standardApplication } from '../support/filer.js';

test.describe('the analysts’ review queue (REV-1)', () => {
  test('an analyst finds a new license in the queue and flags a value with a message; the filer then sees it needs action', async ({ browser, page, aim }) => {
    // The filer, in a browser context of their own, submits a license through the API.
    const filerContext = await browser.newContext();
    const filer = await filerContext.newPage();
    await signUpFiler(filer.request, aim, 'review');
    const submitted = (
      await gql(filer.request, aim.origin, 'mutation ($input: StandardLicenseInput!) { submitLicense(input: $input, certify: true) { number status } }', {
        input: standardApplication(),
      })
    )?.submitLicense as { number: string; status: string };
    expect(submitted.status).toBe('SUBMITTED');

    // A filer who opens the queue is told it is for analysts.
    await filer.goto(`${aim.origin}/licensing/review`);
    await expect(filer.getByRole('heading', { name: 'This page is for Commerce analysts' })).toBeVisible();

    // The analyst signs in through the page and comes back to the queue.
    await page.goto(`${aim.origin}/licensing/review`);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Email address').fill(ANALYST.email);
    await page.getByLabel('Password').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Review queue', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Review queue', exact: true })).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: submitted.number }) });
    await expect(row).toContainText('Submitted');
    await expect(row).toContainText('Great Lakes Metals Trading LLC');
    await checkPage(page, 'review-queue');
    await checkPageAtPhoneWidth(page, 'review-queue-360');

    // Filters live in the URL: flagged only hides the new license, a reload keeps the filter.
    await page.locator('label[for="review-flagged"]').click();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/flagged=1/);
    await page.reload();
    await expect(page.getByLabel('Flagged only')).toBeChecked();
    await expect(page.getByRole('link', { name: submitted.number })).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await page.getByRole('link', { name: submitted.number }).click();
    await expect(page.getByRole('heading', { name: `License ${submitted.number}` })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
    await checkPage(page, 'review-license');

    // Nothing chosen: the form says what is missing, beside each field.
    await page.getByRole('button', { name: 'Flag with a message' }).click();
    await expect(page.getByText('Choose the field that needs the filer’s attention.').first()).toBeVisible();
    await checkPage(page, 'review-license-flag-errors');

    await page.getByLabel('Field', { exact: true }).selectOption('products.0.customsValueUsd');
    await page.getByLabel('Reason').fill('The customs value looks like a value for a metric ton, not the whole line.');
    await page.getByLabel('Message to the filer').fill('Please check the customs value of product 1 against the commercial invoice.');
    await page.getByRole('button', { name: 'Flag with a message' }).click();
    await expect(page.getByText(`License ${submitted.number} is flagged (Product 1: Customs value) and needs action`)).toBeVisible();
    await expect(page.getByText('Action required', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Please check the customs value of product 1' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Clear flags' })).toBeVisible();
    await checkPage(page, 'review-license-flagged');
    await checkPageAtPhoneWidth(page, 'review-license-flagged-360');

    // The filer sees the license needs action, and why.
    await filer.goto(`${aim.origin}/licensing/licenses/${submitted.number}`);
    await expect(filer.getByRole('heading', { name: `License ${submitted.number}` })).toBeVisible();
    await expect(filer.getByText('Action required', { exact: true }).first()).toBeVisible();
    await expect(filer.getByText('The customs value looks like a value for a metric ton, not the whole line.')).toBeVisible();
    await expect(filer.getByText('(flagged)')).toBeVisible();
    await filerContext.close();

    // X-2's counterpart for analysts: a number no license has says so plainly.
    await page.goto(`${aim.origin}/licensing/review/ZZZZZZZZZ`);
    await expect(page.getByRole('heading', { name: 'No license has that number' })).toBeVisible();
  });
});
