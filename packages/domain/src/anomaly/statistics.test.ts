import { describe, expect, it } from 'vitest';
import { UNIT_VALUE_BUCKET_WIDTH } from './policy.js';
import {
  addObservation,
  bucketOf,
  observationOf,
  priorHistogram,
  statisticsScopes,
  summarize,
  toHistogram,
} from './statistics.js';

const product = { index: 0, htsCode: '7601103000', productGroupId: 1, unitValueUsdPerKg: 2.65, volumeKg: 100_000 };

describe('LIC-11 statistics kept as histogram counters', () => {
  it('names the three scopes a product is counted in, whatever the code’s dots', () => {
    expect(statisticsScopes(product)).toEqual({ hts10: 'hts10:7601103000', hts6: 'hts6:760110', productGroup: 'group:1' });
    expect(statisticsScopes({ htsCode: '7601.10.30.00', productGroupId: 1 }).hts10).toBe('hts10:7601103000');
  });

  it('turns a product into one bucket per measure and its origin', () => {
    expect(observationOf(product, ' ca ')).toEqual({
      unitValueBucket: Math.floor(Math.log10(2.65) / UNIT_VALUE_BUCKET_WIDTH),
      volumeBucket: 250,
      origin: 'CA',
    });
  });

  it('keeps exact powers of ten in their own bucket and refuses what LIC-2 refuses', () => {
    expect(bucketOf(1000)).toBe(150);
    expect(bucketOf(0.001)).toBe(-150);
    expect(bucketOf(1)).toBe(0);
    expect(() => bucketOf(0)).toThrow(RangeError);
    expect(() => bucketOf(Number.NaN)).toThrow(RangeError);
  });

  it('adds one count per measure, and the origin at the HTS10 level only', () => {
    const observation = observationOf(product, 'CA');
    const once = addObservation(undefined, observation, 'hts10');
    const twice = addObservation(once, observation, 'hts10');
    expect(twice.origins).toEqual({ CA: 2 });
    expect(Object.values(twice.unitValue)).toEqual([2]);
    expect(addObservation(undefined, observation, 'hts6').origins).toEqual({});
    expect(once.origins).toEqual({ CA: 1 });
  });

  it('reads median and MAD back from the counts', () => {
    // Buckets 100..104 once each: median in the middle bucket, half the weight within 1 bucket of it.
    const summary = summarize(toHistogram({ 100: 1, 101: 1, 102: 1, 103: 1, 104: 1 }));
    expect(summary.median).toBeCloseTo(102.5 * UNIT_VALUE_BUCKET_WIDTH, 9);
    expect(summary.spread).toBeCloseTo(1.4826 * 1.25 * UNIT_VALUE_BUCKET_WIDTH, 6);
    expect(summary.count).toBe(5);
  });

  it('is not moved by a few wild counts (robust to mistakes the server counted too)', () => {
    const clean = summarize(toHistogram({ 20: 10, 21: 20, 22: 10 }));
    const withMistakes = summarize(toHistogram({ [-130]: 1, 20: 10, 21: 20, 22: 10, 170: 1 }));
    expect(withMistakes.median).toBeCloseTo(clean.median, 2);
    expect(withMistakes.spread).toBeLessThan(2 * clean.spread);
  });

  it('never reports a spread narrower than one bucket', () => {
    expect(summarize(toHistogram({ 21: 500 })).spread).toBe(UNIT_VALUE_BUCKET_WIDTH);
  });

  it('spreads a reference range over the buckets as a 90 % band of the given weight', () => {
    const prior = summarize(priorHistogram([2.3, 3.0], 20));
    expect(prior.count).toBeCloseTo(20, 9);
    expect(10 ** prior.median).toBeCloseTo(Math.sqrt(2.3 * 3.0), 2);
    expect(10 ** (prior.median - 1.645 * prior.spread)).toBeCloseTo(2.3, 1);
    expect(10 ** (prior.median + 1.645 * prior.spread)).toBeCloseTo(3.0, 1);
  });
});
