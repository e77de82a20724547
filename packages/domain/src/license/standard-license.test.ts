import { describe, expect, it } from 'vitest';
import { checkStandardLicense } from './standard-license.js';
import type { LicenseProductInput, LicenseReference, ProductType, StandardLicenseInput } from './types.js';

// A little reference data, enough for the rules: the real lists live with the server.
const hts: Record<string, { productType: ProductType; status: 'current' | 'historical'; productGroupId: number }> = {
  '7601103000': { productType: 'ALUMINUM', status: 'current', productGroupId: 1 },
  '7601106030': { productType: 'ALUMINUM', status: 'historical', productGroupId: 1 },
  '7604101000': { productType: 'ALUMINUM', status: 'current', productGroupId: 3 },
  '7606123045': { productType: 'ALUMINUM', status: 'current', productGroupId: 10 },
  '7208100000': { productType: 'STEEL', status: 'current', productGroupId: 101 },
};
const countries = new Set(['CA', 'CN', 'US', 'DE', 'IN', 'AE', 'RU', 'MX', 'NO', 'IS']);
const ports = new Set(['3801', '3004', '2304', '0901']);

const reference: LicenseReference = {
  hts: (code) => {
    const entry = hts[code];
    return entry && { code, ...entry };
  },
  isCountry: (code) => countries.has(code),
  isPort: (code) => ports.has(code),
};

/** Primary ingot from Canada: smelted in Canada and Norway, cast in Canada. */
const ingot: LicenseProductInput = {
  htsCode: '7601.10.30.00',
  largestSmelt: { answer: 'COUNTRY', country: 'CA' },
  secondSmelt: { answer: 'COUNTRY', country: 'NO' },
  mostRecentCast: 'CA',
  volumeKg: 20_000,
  customsValueUsd: 53_000,
};

/** Applied for on 2026-03-10 (Eastern) for an import on 2026-04-01. */
const applicationDate = '2026-03-10';

const license: StandardLicenseInput = {
  productType: 'ALUMINUM',
  customsEntryNumber: null,
  entryType: 'CONSUMPTION',
  importerName: 'Great Lakes Metals LLC',
  exporterName: 'Laurentian Aluminium Inc.',
  manufacturerNames: ['Laurentian Aluminium Inc.'],
  countryOfOrigin: 'CA',
  countryOfExportation: 'CA',
  portOfEntry: '3801',
  expectedExportDate: '2026-03-28',
  expectedImportDate: '2026-04-01',
  products: [ingot],
};

const check = (change: Partial<StandardLicenseInput> = {}, date = applicationDate) =>
  checkStandardLicense({ ...license, ...change }, reference, date);

const errorsOf = (change: Partial<StandardLicenseInput> = {}, date = applicationDate) => {
  const result = check(change, date);
  return result.ok ? [] : result.errors;
};

const paths = (change: Partial<StandardLicenseInput> = {}, date = applicationDate) =>
  errorsOf(change, date).map((error) => error.path);

const withProduct = (change: Partial<LicenseProductInput>) => ({ products: [{ ...ingot, ...change }] });

describe('standard license: a valid application', () => {
  it('LIC-1 LIC-2 LIC-7 comes back normalized, with money in cents and dates computed', () => {
    const result = checkStandardLicense(
      {
        ...license,
        customsEntryNumber: ' abc-1234567-8 ',
        importerName: '  Great Lakes Metals LLC ',
        manufacturerNames: [' Laurentian Aluminium Inc. ', 'unknown'],
        countryOfOrigin: 'ca',
        countryOfExportation: ' us ',
        portOfEntry: ' 3801 ',
        products: [
          { ...ingot, htsCode: ' 7601 10 3000 ', largestSmelt: { answer: 'COUNTRY', country: 'ca ' } },
          {
            htsCode: '7604101000',
            largestSmelt: { answer: 'NOT_APPLICABLE', country: null },
            secondSmelt: { answer: 'NOT_APPLICABLE' },
            mostRecentCast: 'mx',
            volumeKg: 1250.5,
            customsValueUsd: 4321.09,
          },
        ],
      },
      reference,
      applicationDate,
    );
    expect(result).toEqual({
      ok: true,
      license: {
        productType: 'ALUMINUM',
        customsEntryNumber: 'ABC12345678',
        entryType: 'CONSUMPTION',
        importerName: 'Great Lakes Metals LLC',
        exporterName: 'Laurentian Aluminium Inc.',
        manufacturerNames: ['Laurentian Aluminium Inc.', 'Unknown'],
        countryOfOrigin: 'CA',
        countryOfExportation: 'US',
        portOfEntry: '3801',
        expectedExportDate: '2026-03-28',
        expectedImportDate: '2026-04-01',
        applicationDate: '2026-03-10',
        validFrom: '2026-03-10',
        validThrough: '2026-05-24',
        products: [
          {
            line: 1,
            htsCode: '7601103000',
            productGroupId: 1,
            largestSmelt: { answer: 'COUNTRY', country: 'CA' },
            secondSmelt: { answer: 'COUNTRY', country: 'NO' },
            mostRecentCast: 'CA',
            volumeKg: 20_000,
            customsValueCents: 5_300_000,
            unitValueUsdPerKg: 2.65,
          },
          {
            line: 2,
            htsCode: '7604101000',
            productGroupId: 3,
            largestSmelt: { answer: 'NOT_APPLICABLE', country: null },
            secondSmelt: { answer: 'NOT_APPLICABLE', country: null },
            mostRecentCast: 'MX',
            volumeKg: 1250.5,
            customsValueCents: 432_109,
            unitValueUsdPerKg: 3.4555,
          },
        ],
        totalVolumeKg: 21_250.5,
        totalCustomsValueCents: 5_732_109,
      },
    });
  });

  it('LIC-7 a foreign-trade-zone admission license does not expire', () => {
    const result = check({ entryType: 'FOREIGN_TRADE_ZONE' });
    expect(result.ok && result.license.validThrough).toBeNull();
    expect(result.ok && result.license.validFrom).toBe(applicationDate);
  });

  it('LIC-1 treats a blank entry number as none', () => {
    const result = check({ customsEntryNumber: '   ' });
    expect(result.ok && result.license.customsEntryNumber).toBeNull();
  });
});

describe('X-1 standard license errors', () => {
  it('reports every error at once, each at its dotted input path', () => {
    const errors = errorsOf({
      customsEntryNumber: '12345',
      importerName: ' ',
      exporterName: '',
      manufacturerNames: ['Acme', ''],
      countryOfOrigin: 'XX',
      countryOfExportation: '',
      portOfEntry: '9999',
      expectedExportDate: '2026-02-30',
      expectedImportDate: '2026-06-01',
      products: [
        {
          htsCode: '7601.10',
          largestSmelt: { answer: 'NOT_APPLICABLE', country: 'CA' },
          secondSmelt: { answer: 'COUNTRY', country: 'CA' },
          mostRecentCast: 'Unknown',
          volumeKg: 0,
          customsValueUsd: 12.345,
        },
        { ...ingot, secondSmelt: { answer: 'COUNTRY', country: 'CA' } },
      ],
    });
    expect(errors.map((error) => error.path)).toEqual([
      'customsEntryNumber',
      'importerName',
      'exporterName',
      'manufacturerNames.1',
      'countryOfOrigin',
      'countryOfExportation',
      'portOfEntry',
      'expectedExportDate',
      'expectedImportDate',
      'products.0.htsCode',
      'products.0.largestSmelt',
      'products.0.secondSmelt',
      'products.0.mostRecentCast',
      'products.0.volumeKg',
      'products.0.customsValueUsd',
      'products.1.secondSmelt',
    ]);
    for (const error of errors) expect(error.message.length).toBeGreaterThan(20);
  });

  it('names the list itself when it is empty: products, manufacturerNames', () => {
    expect(paths({ products: [], manufacturerNames: [] })).toEqual(['manufacturerNames', 'products']);
    expect(errorsOf({ manufacturerNames: [] })[0]?.message).toMatch(/at least one manufacturer.*Unknown/);
  });

  it('rejects an unknown product type or entry type (input that bypassed the schema)', () => {
    expect(paths({ productType: 'COPPER' as never, entryType: 'BONDED' as never })).toEqual(['productType', 'entryType']);
  });
});

describe('LIC-1 header', () => {
  it('LIC-1 requires importer and exporter names of at most 200 characters', () => {
    expect(paths({ importerName: 'x'.repeat(201), exporterName: 'y'.repeat(200) })).toEqual(['importerName']);
    expect(errorsOf({ importerName: 'x'.repeat(201) })[0]?.message).toMatch(/at most 200 characters/);
  });

  it('LIC-1 takes several manufacturers, Unknown among them, but at most 20 and each once', () => {
    expect(paths({ manufacturerNames: ['Acme', 'Unknown', 'Beta Rolling'] })).toEqual([]);
    expect(paths({ manufacturerNames: Array.from({ length: 21 }, (_, i) => `Mill ${i}`) })).toEqual(['manufacturerNames']);
    expect(errorsOf({ manufacturerNames: ['Acme Rolling', 'ACME  rolling'] })).toEqual([
      { path: 'manufacturerNames.1', message: 'ACME  rolling is already listed. Name each manufacturer once.' },
    ]);
  });

  it('LIC-1 LIC-5 accepts ISO country codes in any case and refuses unknown ones', () => {
    expect(paths({ countryOfOrigin: 'cn', countryOfExportation: 'De' })).toEqual([]);
    expect(errorsOf({ countryOfExportation: 'Canada' })).toEqual([
      { path: 'countryOfExportation', message: 'CANADA is not a country code we know. Choose the country of exportation from the list.' },
    ]);
  });

  it('LIC-1 wants a known 4-digit CBP port code', () => {
    expect(errorsOf({ portOfEntry: 'DTW' })[0]?.message).toMatch(/4-digit CBP port code/);
    expect(errorsOf({ portOfEntry: '1234' })[0]?.message).toBe('No CBP port has the code 1234. Choose the port from the list.');
    expect(paths({ portOfEntry: '0901' })).toEqual([]);
  });

  it('LIC-1 checks the optional customs entry number format', () => {
    expect(paths({ customsEntryNumber: 'ABC-1234567-8' })).toEqual([]);
    expect(paths({ customsEntryNumber: 'ABC-123456-8' })).toEqual(['customsEntryNumber']);
  });
});

describe('LIC-7 dates', () => {
  it('LIC-7 accepts an application exactly 60 days before the import, not 61', () => {
    expect(paths({ expectedExportDate: '2026-05-01', expectedImportDate: '2026-05-09' })).toEqual([]);
    expect(errorsOf({ expectedExportDate: '2026-05-01', expectedImportDate: '2026-05-10' })).toEqual([
      {
        path: 'expectedImportDate',
        message: 'You can apply at most 60 days before the expected date of import, so from 2026-03-11 for an import on 2026-05-10.',
      },
    ]);
  });

  it('LIC-7 accepts an import date already past (until the entry summary is filed), up to a year back', () => {
    expect(paths({ expectedExportDate: '2025-03-01', expectedImportDate: '2025-03-10' })).toEqual([]);
    expect(errorsOf({ expectedExportDate: '2025-03-01', expectedImportDate: '2025-03-09' })[0]).toMatchObject({
      path: 'expectedImportDate',
      message: expect.stringMatching(/more than a year ago.*Check the year/),
    });
  });

  it('LIC-7 LIC-12 lets a warehouse withdrawal name goods imported up to five years back', () => {
    const old = { expectedExportDate: '2021-03-01', expectedImportDate: '2021-03-10' };
    expect(paths({ ...old, entryType: 'WAREHOUSE_WITHDRAWAL' })).toEqual([]);
    expect(paths({ ...old, entryType: 'CONSUMPTION' })).toEqual(['expectedImportDate']);
    expect(paths({ expectedExportDate: '2021-03-01', expectedImportDate: '2021-03-09', entryType: 'WAREHOUSE_WITHDRAWAL' })).toEqual([
      'expectedImportDate',
    ]);
  });

  it('requires real calendar dates, the export not after the import', () => {
    expect(paths({ expectedExportDate: '03/28/2026', expectedImportDate: '2026-02-29' })).toEqual([
      'expectedExportDate',
      'expectedImportDate',
    ]);
    expect(paths({ expectedExportDate: '2026-04-01' })).toEqual([]);
    expect(errorsOf({ expectedExportDate: '2026-04-02' })).toEqual([
      {
        path: 'expectedExportDate',
        message: 'The expected date of export (2026-04-02) is after the expected date of import (2026-04-01); goods leave the exporting country first.',
      },
    ]);
  });

  it('X-3 refuses an application date that is not a calendar date: the caller’s bug, not the filer’s', () => {
    expect(() => check({}, '2026-3-10')).toThrow(RangeError);
  });
});

describe('LIC-2 products', () => {
  it('LIC-2 reads the HTS number with or without dots and spaces, and wants exactly 10 digits', () => {
    expect(paths(withProduct({ htsCode: '7601103000' }))).toEqual([]);
    expect(paths(withProduct({ htsCode: '7601.10.30' }))).toEqual(['products.0.htsCode']);
    expect(paths(withProduct({ htsCode: '7601-10-30-00' }))).toEqual(['products.0.htsCode']);
    expect(errorsOf(withProduct({ htsCode: '7601.10.30' }))[0]?.message).toMatch(/10-digit HTS number/);
  });

  it('LIC-2 refuses a code not covered, and a historical one on a new license', () => {
    expect(errorsOf(withProduct({ htsCode: '7602000000' }))[0]?.message).toBe(
      '7602.00.00.00 is not an HTS number covered by import licensing. Check the number on the commercial invoice.',
    );
    expect(errorsOf(withProduct({ htsCode: '7601.10.60.30' }))[0]?.message).toBe(
      '7601.10.60.30 is no longer in the HTS and is not accepted on new licenses. Use the number that replaced it.',
    );
  });

  it('LIC-14 refuses a steel code on an aluminum license, and the other way round', () => {
    expect(errorsOf(withProduct({ htsCode: '7208.10.00.00' }))).toEqual([
      {
        path: 'products.0.htsCode',
        message: 'This is a steel code; steel and aluminum never share a license. Apply for a steel license for it.',
      },
    ]);
    expect(errorsOf({ productType: 'STEEL' })[0]?.message).toMatch(/^This is an aluminum code; steel and aluminum never share/);
  });

  it('LIC-2 wants a volume in kg above 0 and below a million metric tons', () => {
    for (const volumeKg of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(paths(withProduct({ volumeKg }))).toEqual(['products.0.volumeKg']);
    }
    expect(paths(withProduct({ volumeKg: 0.5 }))).toEqual([]);
    expect(paths(withProduct({ volumeKg: 1e9 }))).toEqual([]);
    expect(errorsOf(withProduct({ volumeKg: 2e9 }))[0]?.message).toMatch(/^2,000,000,000 kg is over a million metric tons/);
  });

  it('LIC-2 wants a customs value above 0 in whole cents, at most USD 10 billion', () => {
    expect(paths(withProduct({ customsValueUsd: 0.01 }))).toEqual([]);
    expect(errorsOf(withProduct({ customsValueUsd: 0 }))[0]?.message).toMatch(/more than 0/);
    expect(errorsOf(withProduct({ customsValueUsd: 99.999 }))[0]?.message).toMatch(/whole cents/);
    expect(paths(withProduct({ customsValueUsd: 1e10 }))).toEqual([]);
    expect(errorsOf(withProduct({ customsValueUsd: 1e10 + 0.01 }))[0]?.message).toMatch(
      /^USD 10,000,000,000.01 is more than any single entry/,
    );
  });

  it('LIC-2 unit value is USD per kg to 4 decimals', () => {
    const result = check(withProduct({ volumeKg: 3, customsValueUsd: 1 }));
    expect(result.ok && result.license.products[0]?.unitValueUsdPerKg).toBe(0.3333);
  });

  it('LIC-2 totals add exactly, in cents', () => {
    const products = Array.from({ length: 10 }, () => ({ ...ingot, volumeKg: 0.1, customsValueUsd: 0.1 }));
    const result = check({ products });
    expect(result.ok && [result.license.totalVolumeKg, result.license.totalCustomsValueCents]).toEqual([1, 100]);
  });

  it('LIC-2 holds at most 200 products, and says so instead of checking thousands of lines', () => {
    expect(paths({ products: Array.from({ length: 200 }, () => ingot) })).toEqual([]);
    const tooMany = Array.from({ length: 5000 }, () => ({ ...ingot, htsCode: 'x' }));
    expect(errorsOf({ products: tooMany })).toEqual([
      { path: 'products', message: 'A license holds at most 200 products; this one has 5000. Split them over several licenses.' },
    ]);
  });
});

describe('LIC-4 smelt on the license', () => {
  it('LIC-4 refuses Unknown on applications after 2022-06-28, accepts it on or before', () => {
    const unknown = withProduct({ largestSmelt: { answer: 'UNKNOWN' }, secondSmelt: { answer: 'UNKNOWN' } });
    expect(paths(unknown)).toEqual(['products.0.largestSmelt', 'products.0.secondSmelt']);
    const old = { ...unknown, expectedExportDate: '2022-06-20', expectedImportDate: '2022-07-01' };
    expect(paths(old, '2022-06-28')).toEqual([]);
    expect(paths(old, '2022-06-29')).toEqual(['products.0.largestSmelt', 'products.0.secondSmelt']);
  });

  it('X-1 puts a repeated largest smelt, and a country beside a Not applicable largest, on secondSmelt', () => {
    expect(paths(withProduct({ secondSmelt: { answer: 'COUNTRY', country: 'ca' } }))).toEqual(['products.0.secondSmelt']);
    expect(
      paths(withProduct({ largestSmelt: { answer: 'NOT_APPLICABLE' }, secondSmelt: { answer: 'COUNTRY', country: 'NO' } })),
    ).toEqual(['products.0.secondSmelt']);
  });
});
