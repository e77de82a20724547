import { describe, expect, it } from 'vitest';
import { formatUsd, toCents, unitValueUsdPerKg } from './money.js';

describe('LIC-2 money in cents', () => {
  it('LIC-2 turns whole-cent USD amounts into integer cents', () => {
    expect(toCents(1234.5)).toBe(123_450);
    expect(toCents(0.29)).toBe(29); // 0.29 × 100 is 28.999999999999996 in floating point
    expect(toCents(1.1)).toBe(110);
    expect(toCents(9_999_999_999.99)).toBe(999_999_999_999);
    expect(toCents(-5)).toBe(-500);
    expect(Object.is(toCents(-0), 0)).toBe(true);
  });

  it('LIC-2 finds every amount of whole cents, exactly', () => {
    for (let cents = 0; cents <= 100_000; cents++) expect(toCents(cents / 100)).toBe(cents);
    for (const cents of [123_456_789_01, 999_999_999_999, 1_000_000_000_000]) expect(toCents(cents / 100)).toBe(cents);
  });

  it('LIC-2 has no cents for fractions of a cent, NaN, infinities or amounts too large to count exactly', () => {
    for (const usd of [12.345, 1.005, 0.001, Number.NaN, Number.POSITIVE_INFINITY, 1e20, 0.1 + 0.2]) {
      expect(toCents(usd)).toBeUndefined();
    }
  });

  it('formats cents as USD with grouping and two decimals', () => {
    expect(formatUsd(123_450)).toBe('USD 1,234.50');
    expect(formatUsd(5)).toBe('USD 0.05');
    expect(formatUsd(0)).toBe('USD 0.00');
    expect(formatUsd(500_000)).toBe('USD 5,000.00');
    expect(formatUsd(-123_450)).toBe('USD -1,234.50');
    expect(formatUsd(999_999_999_999_99)).toBe('USD 999,999,999,999.99');
    expect(() => formatUsd(1.5)).toThrow(RangeError);
  });

  it('LIC-2 unit value is customs value / kg, USD per kg to 4 decimals', () => {
    expect(unitValueUsdPerKg(5_300_000, 20_000)).toBe(2.65);
    expect(unitValueUsdPerKg(100, 3)).toBe(0.3333);
    expect(unitValueUsdPerKg(28, 1000)).toBe(0.0003);
  });
});
