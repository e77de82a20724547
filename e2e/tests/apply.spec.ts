import type { Locator, Page } from '@playwright/test';
import { checkPage, expect, expectNoSidewaysScroll, test } from '../support/aim.js';
import { easternDay, signUpFiler } from '../support/filer.js';

/** Types into a combo box and picks the option, as a filer does with the keyboard. */
async function choose(scope: Page | Locator, label: string, text: string) {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.fill(text);
  await input.press('ArrowDown');
  await input.press('Enter');
}

async function fillProduct(line: Locator, product: { hts: string; largest: string; second: string; cast: string; kg: string; usd: string }) {
  await choose(line, 'HTS number', product.hts);
  await choose(line, 'Country of largest smelt', product.largest);
  await choose(line, 'Country of second largest smelt', product.second);
  await choose(line, 'Country of most recent cast', product.cast);
  await line.getByLabel('Volume (kg, net)').fill(product.kg);
  await line.getByLabel('Customs value (USD)').fill(product.usd);
}

async function fillHeader(page: Page) {
  await page.getByLabel('Importer name').fill('Great Lakes Metals Trading LLC');
  await page.getByLabel('Exporter name').fill('Alouette Aluminium Inc.');
  await page.getByLabel('Manufacturer names').fill('Alouette Aluminium Inc.');
  await choose(page, 'Country of origin', 'Canada');
  await choose(page, 'Country of exportation', 'Canada');
  await choose(page, 'Expected port of entry', '3801');
  await page.getByLabel('Expected date of export').fill(easternDay(5));
  await page.getByLabel('Expected date of import').fill(easternDay(10));
}

const lines = (page: Page) => page.locator('fieldset.product-line');

/** Preview, certify (USWDS draws the box over the input: people click the label), submit; the number shown. */
async function previewAndSubmit(page: Page, submitLabel = 'Submit the application'): Promise<string> {
  await page.getByRole('button', { name: 'Preview the license' }).click();
  await expect(page.getByRole('button', { name: submitLabel })).toBeVisible();
  await page.getByText('I certify that the information').click();
  await page.getByRole('button', { name: submitLabel }).click();
  const number = page.locator('[data-test=issued-number]');
  await expect(number).toHaveText(/^[A-Z0-9]{9}$/);
  return (await number.textContent()) ?? '';
}

test.describe('applying for licenses in the browser (LIC-1..12, DASH-1)', () => {
  test('apply for a two-product license, find it, correct it, duplicate it, cancel it', async ({ page, aim }) => {
    await signUpFiler(page.request, aim, 'apply');
    await page.goto(`${aim.origin}/licensing/licenses/new`);
    await expect(page.getByRole('heading', { name: 'Apply for an aluminum import license' })).toBeVisible();
    await checkPage(page, 'apply-empty');

    // Wrong input first: the domain rules answer before anything is sent, each beside its field.
    await page.getByRole('button', { name: 'Preview the license' }).click();
    await expect(page.locator('.usa-alert--error', { hasText: 'There is a problem' })).toBeFocused();
    await expect(page.locator('#license-importerName-error')).toHaveText('Enter the importer name.');
    await checkPage(page, 'apply-errors');
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoSidewaysScroll(page);
    await checkPage(page, 'apply-errors-360');
    await page.setViewportSize({ width: 1280, height: 900 });

    await fillHeader(page);
    await fillProduct(lines(page).nth(0), { hts: '7601.10.30', largest: 'Canada', second: 'Not applicable', cast: 'Canada', kg: '24,000', usd: '65,280' });
    await expect(lines(page).nth(0).locator('[data-test=unit-value]')).toContainText('$2.72 per kg');
    await page.getByRole('button', { name: 'Add another product' }).click();
    await expect(lines(page).nth(1).getByRole('combobox', { name: 'HTS number' })).toBeFocused();
    await fillProduct(lines(page).nth(1), { hts: '7601.20.30', largest: 'Norway', second: 'Iceland', cast: 'Canada', kg: '18000', usd: '54900' });

    // The draft survives a reload until it is submitted.
    await page.reload();
    await expect(page.getByText('This is the application you had not submitted yet')).toBeVisible();
    await expect(lines(page)).toHaveCount(2);
    await expect(lines(page).nth(1).getByLabel('Customs value (USD)')).toHaveValue('54900');

    await page.getByRole('button', { name: 'Preview the license' }).click();
    await expect(page.getByRole('heading', { name: 'Validity' })).toBeVisible();
    await expect(page.getByRole('cell', { name: '$3.05 per kg' })).toBeVisible();
    // What was picked with the keyboard is what the license says.
    await expect(page.locator('dd', { hasText: 'DETROIT (3801)' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: /^Canada$/ })).toHaveCount(2);
    await expect(page.getByRole('cell', { name: 'Norway' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Iceland' })).toBeVisible();
    await checkPage(page, 'apply-preview');
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoSidewaysScroll(page);
    await checkPage(page, 'apply-preview-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Submit the application' }).click();
    await expect(page.locator('#license-certify-error')).toContainText('Certify');
    await page.getByText('I certify that the information').click();
    await page.getByRole('button', { name: 'Submit the application' }).click();
    const number = (await page.locator('[data-test=issued-number]').textContent()) ?? '';
    expect(number).toMatch(/^[A-Z0-9]{9}$/);
    await checkPage(page, 'apply-issued');

    // DASH-1: found on the dashboard with a filter.
    await page.getByRole('link', { name: 'My licenses' }).first().click();
    await page.getByLabel(/License number, entry number, importer or exporter/).fill(number);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByText('1–1 of 1 license')).toBeVisible();
    await page.getByRole('link', { name: number }).click();

    // LIC-10: correct it: it keeps its number and becomes Corrected.
    await page.getByRole('link', { name: 'Correct this license' }).click();
    await expect(page.getByRole('heading', { name: `Correct license ${number}` })).toBeVisible();
    await expect(lines(page)).toHaveCount(2);
    await checkPage(page, 'correct');
    await lines(page).nth(1).getByRole('button', { name: 'Remove product 2' }).click();
    await expect(lines(page)).toHaveCount(1);
    expect(await previewAndSubmit(page, 'Submit the correction')).toBe(number);
    await expect(page.getByRole('heading', { name: 'Correction submitted' })).toBeVisible();
    await expect(page.locator('.usa-tag', { hasText: 'Corrected' })).toBeVisible();

    // LIC-10: duplicate: a new application prefilled from it, a new number.
    await page.getByRole('link', { name: 'Apply for another like it' }).click();
    await expect(page.getByRole('heading', { name: `Apply for a license like ${number}` })).toBeVisible();
    await expect(page.getByLabel('Importer name')).toHaveValue('Great Lakes Metals Trading LLC');
    const duplicate = await previewAndSubmit(page);
    expect(duplicate).not.toBe(number);

    // LIC-10: cancel the first, after a question that says it cannot be undone.
    await page.goto(`${aim.origin}/licensing/licenses/${number}`);
    await page.getByRole('button', { name: 'Cancel this license' }).click();
    await page.getByRole('button', { name: `Yes, cancel ${number}` }).click();
    await expect(page.getByText(`License ${number} is cancelled.`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Correct this license' })).toHaveCount(0);
  });

  test('an absurd unit value: previewed as unusual, ACTION_REQUIRED with the field in red, then confirmed', async ({ page, aim }) => {
    await signUpFiler(page.request, aim, 'absurd');
    await page.goto(`${aim.origin}/licensing/licenses/new`);
    await fillHeader(page);
    // A price per metric ton typed where the form asks per kg: a thousand times too low (LIC-11).
    await fillProduct(lines(page).nth(0), { hts: '7601.10.30', largest: 'Canada', second: 'Not applicable', cast: 'Canada', kg: '24000', usd: '65.28' });
    await page.getByRole('button', { name: 'Preview the license' }).click();
    await expect(page.getByRole('heading', { name: 'Some values look unusual' })).toBeVisible();
    await checkPage(page, 'absurd-preview');
    await page.getByText('I certify that the information').click();
    await page.getByRole('button', { name: 'Submit the application' }).click();
    const number = (await page.locator('[data-test=issued-number]').textContent()) ?? '';
    await expect(page.locator('.usa-tag', { hasText: 'Action required' })).toBeVisible();

    await page.getByRole('link', { name: 'View the license' }).click();
    await expect(page.getByText('(flagged)')).toBeVisible();
    // The way out that corrects shows the flagged field in red with its reason.
    await page.getByRole('link', { name: 'Correct this license' }).click();
    await expect(page.locator('#license-products-0-customsValueUsd-error')).toContainText(/below the usual/);
    await checkPage(page, 'absurd-correct-flagged');
    await page.goto(`${aim.origin}/licensing/licenses/${number}`);
    await page.getByRole('button', { name: 'Confirm without change' }).click();
    await expect(page.getByText(`License ${number} is confirmed without change.`)).toBeVisible();
  });

  test('the low value license explains its exemptions and is issued at once (LIC-12)', async ({ page, aim }) => {
    await signUpFiler(page.request, aim, 'low-value');
    await page.goto(`${aim.origin}/licensing/licenses/new/low-value`);
    await expect(page.getByText('need no license at all')).toBeVisible();
    await page.getByRole('button', { name: 'Submit the application' }).click();
    await expect(page.locator('#low-value-importerName-error')).toHaveText('Enter the importer name.');
    await expect(page.locator('#low-value-certify-error')).toContainText('Certify');
    await checkPage(page, 'low-value-errors');
    await page.getByLabel('Importer name').fill('Great Lakes Metals Trading LLC');
    await page.getByText('I certify that the information').click();
    await page.getByRole('button', { name: 'Submit the application' }).click();
    await expect(page.locator('[data-test=issued-number]')).toHaveText(/^[A-Z0-9]{9}$/);
  });
});
