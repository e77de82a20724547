/** 7601103000 → 7601.10.30.00, the way the HTS and the filer's paperwork print it. */
export function formatHtsCode(htsCode: string): string {
  const digits = htsCode.replace(/\D/g, '');
  if (digits.length !== 10) return htsCode;
  return `${digits.slice(0, 4)}.${digits.slice(4, 6)}.${digits.slice(6, 8)}.${digits.slice(8)}`;
}

const cents = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const twoDigits = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });
const wholeKg = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const smallKg = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** USD per kg as a filer reads it: cents from a dollar up, two significant digits below (0.0028). */
export function formatUsdPerKg(value: number): string {
  return value >= 0.995 ? cents.format(value) : twoDigits.format(value);
}

/** The end of a usual range in USD per kg: two significant digits are all a range can claim (2.30, not 2.29). */
export function formatUsdPerKgRounded(value: number): string {
  return formatUsdPerKg(Number(value.toPrecision(2)));
}

/** A kg figure the filer entered, as entered (grouped, no needless decimals). */
export function formatKg(value: number): string {
  return value >= 10 ? wholeKg.format(value) : smallKg.format(value);
}

/** The end of a usual kg range, rounded to two significant digits: 20,000 not 19,874. */
export function formatKgRounded(value: number): string {
  return twoDigits.format(value);
}

export function formatCount(value: number): string {
  return wholeKg.format(value);
}

// Intl.DisplayNames exists in every browser the apps support and in Node; the code is the fallback.
const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return undefined;
  }
})();

/** NE → Niger, for reasons a filer reads. */
export function countryName(alpha2: string): string {
  try {
    return regionNames?.of(alpha2) ?? alpha2;
  } catch {
    return alpha2;
  }
}
