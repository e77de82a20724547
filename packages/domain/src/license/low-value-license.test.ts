import { describe, expect, it } from 'vitest';
import { checkLowValueLicense, importerKey } from './low-value-license.js';

describe('LIC-12 low value license', () => {
  it('LIC-12 needs only the importer, trimmed, valid 75 days from the application date', () => {
    expect(checkLowValueLicense({ productType: 'ALUMINUM', importerName: '  Great Lakes Metals LLC ' }, '2026-03-10')).toEqual({
      ok: true,
      license: {
        productType: 'ALUMINUM',
        importerName: 'Great Lakes Metals LLC',
        applicationDate: '2026-03-10',
        validFrom: '2026-03-10',
        validThrough: '2026-05-24',
      },
    });
  });

  it('LIC-12 requires an importer name of at most 200 characters', () => {
    expect(checkLowValueLicense({ productType: 'ALUMINUM', importerName: '  ' }, '2026-03-10')).toEqual({
      ok: false,
      errors: [{ path: 'importerName', message: 'Enter the importer name.' }],
    });
    const long = checkLowValueLicense({ productType: 'ALUMINUM', importerName: 'x'.repeat(201) }, '2026-03-10');
    expect(long.ok ? [] : long.errors.map((error) => error.path)).toEqual(['importerName']);
  });

  it('LIC-12 refuses an unknown product type (input that bypassed the schema)', () => {
    const result = checkLowValueLicense({ productType: 'TIN' as never, importerName: 'Acme' }, '2026-03-10');
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(['productType']);
  });

  it('LIC-12 one per importer: names compare case- and space-insensitively', () => {
    expect(importerKey('  Great Lakes  Metals LLC')).toBe(importerKey('great lakes metals llc'));
    expect(importerKey('GreatLakes Metals LLC')).toBe(importerKey('Great Lakes Metals LLC'));
    expect(importerKey('Ｇｒｅａｔ Lakes Metals LLC')).toBe(importerKey('Great Lakes Metals LLC')); // full-width letters
    expect(importerKey('A.B. Metals')).not.toBe(importerKey('AB Metals'));
  });
});
