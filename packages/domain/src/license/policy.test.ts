import { describe, expect, it } from 'vitest';
import { licensePolicy } from './policy.js';

describe('license policy', () => {
  it('LIC-7 LIC-4 LIC-12 carry the SPEC figures', () => {
    expect(licensePolicy).toMatchObject({
      applyDaysBeforeImport: 60,
      validityDays: 75,
      unknownSmeltUntil: '2022-06-28',
      lowValueLimitUsd: 5000,
      maxProducts: 200,
      maxManufacturers: 20,
    });
  });

  it('keeps the largest possible license total in exactly countable cents', () => {
    const largestTotalCents = licensePolicy.maxProducts * licensePolicy.maxCustomsValueUsd * 100;
    expect(Number.isSafeInteger(largestTotalCents)).toBe(true);
  });
});
