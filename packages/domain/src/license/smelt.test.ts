import { describe, expect, it } from 'vitest';
import { checkSmelts, unknownSmeltAllowed } from './smelt.js';
import type { LicenseProductInput, SmeltInput } from './types.js';

const reference = { isCountry: (code: string) => ['CA', 'NO', 'CN', 'IS', 'AE', 'RU'].includes(code) };
const after = '2026-03-10';
const before = '2022-06-28';

type Lines = Pick<LicenseProductInput, 'largestSmelt' | 'secondSmelt' | 'mostRecentCast'>;
const country = (code: string): SmeltInput => ({ answer: 'COUNTRY', country: code });
const notApplicable: SmeltInput = { answer: 'NOT_APPLICABLE' };
const unknown: SmeltInput = { answer: 'UNKNOWN' };

const check = (largestSmelt: SmeltInput, secondSmelt: SmeltInput, mostRecentCast = 'CA', date = after) =>
  checkSmelts({ largestSmelt, secondSmelt, mostRecentCast } satisfies Lines, 'products.0', reference, date);
const paths = (...args: Parameters<typeof check>) => check(...args).errors.map((error) => error.path);

describe('LIC-4 country of largest and second largest smelt', () => {
  it('LIC-4 accepts two different countries, normalizing their codes', () => {
    expect(check(country(' ca'), country('no '), ' is ')).toEqual({
      errors: [],
      largestSmelt: { answer: 'COUNTRY', country: 'CA' },
      secondSmelt: { answer: 'COUNTRY', country: 'NO' },
      mostRecentCast: 'IS',
    });
  });

  it('LIC-4 accepts a country then Not applicable (one primary source)', () => {
    expect(paths(country('CA'), notApplicable)).toEqual([]);
  });

  it('LIC-4 accepts Not applicable twice for secondary (recycled) aluminum', () => {
    const result = check({ answer: 'NOT_APPLICABLE', country: '' }, { answer: 'NOT_APPLICABLE', country: null });
    expect(result.errors).toEqual([]);
    expect(result.largestSmelt).toEqual({ answer: 'NOT_APPLICABLE', country: null });
  });

  it('LIC-4 requires the second to be Not applicable when the largest is', () => {
    expect(check(notApplicable, country('CA')).errors).toEqual([
      {
        path: 'products.0.secondSmelt',
        message:
          'When the country of largest smelt is Not applicable (only recycled aluminum), the country of second largest smelt is Not applicable too.',
      },
    ]);
    expect(paths(notApplicable, unknown, 'CA', before)).toEqual(['products.0.secondSmelt']);
    expect(paths(notApplicable, country('ZZ'))).toEqual(['products.0.secondSmelt']);
  });

  it('LIC-4 requires the second to differ from the largest', () => {
    expect(check(country('CA'), country('ca')).errors).toEqual([
      {
        path: 'products.0.secondSmelt',
        message: 'The second largest smelt must be a different country from the largest, Canada (CA). If all the primary aluminum was smelted there, choose Not applicable.',
      },
    ]);
  });

  it('LIC-4 refuses Unknown on applications after 2022-06-28', () => {
    const errors = check(unknown, unknown).errors;
    expect(errors.map((error) => error.path)).toEqual(['products.0.largestSmelt', 'products.0.secondSmelt']);
    expect(errors[0]?.message).toBe(
      'Unknown is accepted only on applications dated on or before 2022-06-28. Choose the country of largest smelt, or Not applicable when the product holds only secondary (recycled) aluminum.',
    );
    expect(errors[1]?.message).toMatch(/or Not applicable when there is no second source\.$/);
    expect(paths(country('CA'), unknown, 'CA', '2022-06-29')).toEqual(['products.0.secondSmelt']);
  });

  it('LIC-4 accepts Unknown on applications dated on or before 2022-06-28', () => {
    expect(paths(unknown, unknown, 'CA', before)).toEqual([]);
    expect(paths(country('CA'), unknown, 'CA', '2021-09-01')).toEqual([]);
    expect(paths(unknown, notApplicable, 'CA', before)).toEqual([]);
  });

  it('LIC-4 wants a real country with the answer COUNTRY, and none with the others', () => {
    expect(check({ answer: 'COUNTRY', country: ' ' }, notApplicable).errors).toEqual([
      { path: 'products.0.largestSmelt', message: 'Choose the country of largest smelt from the list of countries.' },
    ]);
    expect(check(country('XX'), notApplicable).errors[0]?.message).toBe(
      'XX is not a country code we know. Choose the country of largest smelt from the list.',
    );
    expect(check({ answer: 'NOT_APPLICABLE', country: 'CA' }, notApplicable).errors).toEqual([
      {
        path: 'products.0.largestSmelt',
        message: 'For the country of largest smelt, give either a country or Not applicable, not both.',
      },
    ]);
    expect(check(country('CA'), { answer: 'UNKNOWN', country: 'NO' }, 'CA', before).errors[0]?.message).toBe(
      'For the country of second largest smelt, give either a country or Unknown, not both.',
    );
  });

  it('rejects an answer outside the three (input that bypassed the schema)', () => {
    expect(check({ answer: 'MAYBE' as never }, notApplicable).errors).toEqual([
      { path: 'products.0.largestSmelt', message: 'Choose the country of largest smelt: a country or Not applicable.' },
    ]);
  });
});

describe('LIC-4 country of most recent cast', () => {
  it('LIC-4 is always a real country', () => {
    expect(paths(country('CA'), notApplicable, 'ru')).toEqual([]);
    expect(check(country('CA'), notApplicable, '').errors).toEqual([
      { path: 'products.0.mostRecentCast', message: 'Choose the country of most recent cast from the list of countries.' },
    ]);
    expect(check(country('CA'), notApplicable, 'XX').errors[0]?.message).toMatch(/^XX is not a country code we know/);
  });

  it('LIC-4 never Not applicable or Unknown, and says so in those words', () => {
    for (const answer of ['Unknown', 'NOT APPLICABLE', 'N/A', 'na']) {
      expect(check(country('CA'), notApplicable, answer).errors).toEqual([
        {
          path: 'products.0.mostRecentCast',
          message: 'The country of most recent cast is always a real country; Not applicable and Unknown are not accepted here.',
        },
      ]);
    }
  });
});

describe('unknownSmeltAllowed (LIC-4)', () => {
  it('offers Unknown on applications dated on or before 2022-06-28, never after', () => {
    expect(unknownSmeltAllowed('2022-06-28')).toBe(true);
    expect(unknownSmeltAllowed('2022-06-29')).toBe(false);
  });
});
