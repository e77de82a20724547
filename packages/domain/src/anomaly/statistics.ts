import { anomalyPolicy, UNIT_VALUE_BUCKET_WIDTH } from './policy.js';

/**
 * One level's statistics: counts per bucket. Histograms, because the server keeps them current
 * with one `+1` per observation (a counter row per bucket) and median and MAD can be read back
 * from them; a median itself cannot be updated incrementally.
 */
export interface ObservedStatistics {
  /** log10(unit value in USD per kg) in buckets of width UNIT_VALUE_BUCKET_WIDTH: bucket index → count */
  unitValue: Readonly<Record<number, number>>;
  /** log10(volume in kg), same bucket width: bucket index → count */
  volume: Readonly<Record<number, number>>;
  /** country of origin (alpha-2) → count; kept at the HTS10 level only (empty elsewhere) */
  origins: Readonly<Record<string, number>>;
}

/** One product line as the checks see it; `index` is its 0-based place on the license. */
export interface ProductToCheck {
  index: number;
  htsCode: string;
  productGroupId: number;
  unitValueUsdPerKg: number;
  volumeKg: number;
}

/** The statistics of a product's three scopes, as read before it is counted; absent = none yet. */
export interface StatisticsByScope {
  hts10?: ObservedStatistics;
  hts6?: ObservedStatistics;
  productGroup?: ObservedStatistics;
}

/** What one product adds to each of its scopes (origin only to the HTS10 scope). */
export interface Observation {
  unitValueBucket: number;
  volumeBucket: number;
  origin: string;
}

/** The scopes a product is counted in and looked up by: 'hts10:7601103000', 'hts6:760110', 'group:1'. */
export function statisticsScopes(product: { htsCode: string; productGroupId: number }): {
  hts10: string;
  hts6: string;
  productGroup: string;
} {
  // Dots and spaces are display only; the scope must be the same however the code was typed.
  const digits = product.htsCode.replace(/\D/g, '');
  return { hts10: `hts10:${digits}`, hts6: `hts6:${digits.slice(0, 6)}`, productGroup: `group:${product.productGroupId}` };
}

/** The histogram bucket of a positive value. */
export function bucketOf(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`A bucket needs a positive finite value, got ${value} (LIC-2 validation comes first).`);
  }
  // The small nudge keeps exact powers of ten (log10(1000) / 0.02 = 149.999…) in their own bucket.
  return Math.floor(Math.log10(value) / UNIT_VALUE_BUCKET_WIDTH + 1e-9);
}

/** What one product adds to each of its scopes' statistics (the server upserts these as +1 counters). */
export function observationOf(product: ProductToCheck, countryOfOrigin: string): Observation {
  return {
    unitValueBucket: bucketOf(product.unitValueUsdPerKg),
    volumeBucket: bucketOf(product.volumeKg),
    origin: countryOfOrigin.trim().toUpperCase(),
  };
}

/** Statistics with one more observation, as the server's upserts leave them; for tests and tools. */
export function addObservation(
  statistics: ObservedStatistics | undefined,
  observation: Observation,
  level: 'hts10' | 'hts6' | 'productGroup',
): ObservedStatistics {
  const base = statistics ?? { unitValue: {}, volume: {}, origins: {} };
  const increment = <K extends string | number>(counts: Readonly<Record<K, number>>, key: K) =>
    ({ ...counts, [key]: (counts[key] ?? 0) + 1 }) as Record<K, number>;
  return {
    unitValue: increment(base.unitValue, observation.unitValueBucket),
    volume: increment(base.volume, observation.volumeBucket),
    // Origins are judged per HTS10 only, so the wider scopes do not carry them.
    origins: level === 'hts10' ? increment(base.origins, observation.origin) : base.origins,
  };
}

/** A histogram read into sorted arrays; counts may be fractional (the prior's pseudo-observations). */
export interface Histogram {
  buckets: number[];
  counts: number[];
  total: number;
}

export function toHistogram(counts: Readonly<Record<number, number>> | undefined): Histogram {
  const entries = Object.entries(counts ?? {})
    .map(([bucket, count]) => [Number(bucket), count] as const)
    .filter(([bucket, count]) => Number.isInteger(bucket) && count > 0)
    .sort((a, b) => a[0] - b[0]);
  return {
    buckets: entries.map(([bucket]) => bucket),
    counts: entries.map(([, count]) => count),
    total: entries.reduce((sum, [, count]) => sum + count, 0),
  };
}

export function mergeHistograms(a: Histogram, b: Histogram): Histogram {
  const merged = new Map<number, number>();
  for (const h of [a, b]) h.buckets.forEach((bucket, i) => merged.set(bucket, (merged.get(bucket) ?? 0) + (h.counts[i] ?? 0)));
  return toHistogram(Object.fromEntries(merged));
}

/** Robust centre and spread of a histogram, in log10 units. */
export interface RobustSummary {
  median: number;
  /** 1.4826 × MAD: the standard deviation a normal spread with this MAD would have, floored. */
  spread: number;
  count: number;
}

const width = UNIT_VALUE_BUCKET_WIDTH;

// Observations are taken as spread evenly inside their bucket, so quantiles interpolate.
function quantile(h: Histogram, fraction: number): number {
  const target = fraction * h.total;
  let cumulative = 0;
  for (let i = 0; i < h.buckets.length; i++) {
    const count = h.counts[i] ?? 0;
    const bucket = h.buckets[i] ?? 0;
    if (cumulative + count >= target) return (bucket + (target - cumulative) / count) * width;
    cumulative += count;
  }
  return ((h.buckets[h.buckets.length - 1] ?? 0) + 1) * width;
}

// Weight within distance d of the centre: piecewise linear and increasing in d, so bisection finds the MAD.
function weightWithin(h: Histogram, centre: number, distance: number): number {
  let weight = 0;
  for (let i = 0; i < h.buckets.length; i++) {
    const low = (h.buckets[i] ?? 0) * width;
    const overlap = Math.min(low + width, centre + distance) - Math.max(low, centre - distance);
    if (overlap > 0) weight += ((h.counts[i] ?? 0) * overlap) / width;
  }
  return weight;
}

export function summarize(h: Histogram): RobustSummary {
  const median = quantile(h, 0.5);
  const first = (h.buckets[0] ?? 0) * width;
  const last = ((h.buckets[h.buckets.length - 1] ?? 0) + 1) * width;
  let low = 0;
  let high = Math.max(median - first, last - median);
  for (let step = 0; step < 40; step++) {
    const mid = (low + high) / 2;
    if (weightWithin(h, median, mid) >= h.total / 2) high = mid;
    else low = mid;
  }
  return { median, spread: Math.max(1.4826 * high, anomalyPolicy.minimumSpread), count: h.total };
}

// Abramowitz & Stegun 7.1.26 (error < 1.5e-7): enough to spread the prior over buckets.
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

/**
 * Pseudo-observations for a usual range read as the middle 90 %: a log-normal spread over the
 * buckets, `weight` in all, so the prior merges with thin real histograms like any other counts.
 */
export function priorHistogram(range: readonly [number, number], weight: number): Histogram {
  const low = Math.log10(range[0]);
  const high = Math.log10(range[1]);
  const mean = (low + high) / 2;
  const sigma = (high - low) / (2 * anomalyPolicy.usualRangeZ);
  const cdf = (x: number) => 0.5 * (1 + erf((x - mean) / (sigma * Math.SQRT2)));
  const counts: Record<number, number> = {};
  const first = Math.floor((mean - 5 * sigma) / width);
  const last = Math.floor((mean + 5 * sigma) / width);
  for (let bucket = first; bucket <= last; bucket++) {
    const mass = cdf((bucket + 1) * width) - cdf(bucket * width);
    if (mass > 1e-9) counts[bucket] = mass;
  }
  const h = toHistogram(counts);
  return { ...h, counts: h.counts.map((count) => (count * weight) / h.total), total: weight };
}
