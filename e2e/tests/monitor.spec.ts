import { checkPage, checkPageAtPhoneWidth, expect, test } from '../support/aim.js';

test.describe('the public monitor shell', () => {
  test('shows the product groups from the API and the three dashboards, accessibly', async ({ page, aim }) => {
    await page.goto(`${aim.origin}/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('Unwrought Aluminum - Non-Alloy')).toBeVisible();
    await expect(page.getByText('Castings')).toBeVisible();
    await checkPage(page, 'monitor-import-monitor');
    await checkPageAtPhoneWidth(page, 'monitor-import-monitor-360');

    for (const [path, name] of [
      ['/most-recent-cast', 'monitor-most-recent-cast'],
      ['/smelt', 'monitor-smelt'],
      ['/about', 'monitor-about'],
    ] as const) {
      await page.goto(`${aim.origin}${path}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkPage(page, name);
      await checkPageAtPhoneWidth(page, `${name}-360`);
    }
  });

  test('links to the licensing app', async ({ page, aim }) => {
    await page.goto(`${aim.origin}/`);
    await page.getByRole('link', { name: /licens/i }).first().click();
    await expect(page).toHaveURL(/\/licensing\//);
  });
});
