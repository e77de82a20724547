// USD amounts arrive as JSON numbers (GraphQL Float, spreadsheet cells). They are kept as integer
// cents from here on, so that totals add exactly and 0.1 + 0.2 never shows up on a license.

/**
 * The amount in integer cents, or undefined when it is not a finite amount of whole cents
 * (12.345, NaN, Infinity) or too large to count exactly.
 */
export function toCents(usd: number): number | undefined {
  if (typeof usd !== 'number' || !Number.isFinite(usd)) return undefined;
  const cents = Math.round(usd * 100);
  if (!Number.isSafeInteger(cents)) return undefined;
  // Exact, not a tolerance: cents / 100 is the double nearest the two-decimal amount, and so is
  // the parsed input if (and only if) the filer typed whole cents.
  if (cents / 100 !== usd) return undefined;
  return cents === 0 ? 0 : cents; // no -0
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 123450 → 'USD 1,234.50': the currency code, as on CBP forms, so no reader wonders which dollar. */
export function formatUsd(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`formatUsd needs integer cents, got ${cents}`);
  // Whole dollars and cents apart, in integers, so that no amount is rounded on its way to text.
  const magnitude = Math.abs(cents);
  const dollars = Math.trunc(magnitude / 100);
  const rest = String(magnitude % 100).padStart(2, '0');
  return `USD ${cents < 0 ? '-' : ''}${grouped.format(dollars)}.${rest}`;
}

/** LIC-2 unit value, USD per kg to 4 decimals: enough for the cheapest scrap-grade lines (0.0028). */
export function unitValueUsdPerKg(customsValueCents: number, volumeKg: number): number {
  return Math.round((customsValueCents / 100 / volumeKg) * 10_000) / 10_000;
}
