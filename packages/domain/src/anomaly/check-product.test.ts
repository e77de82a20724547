import { describe, expect, it } from 'vitest';
import { type Flag, checkProduct } from './check-product.js';
import { type ObservedStatistics, type ProductToCheck, addObservation, observationOf } from './statistics.js';

/** A product of 7601.10.30.00 (unwrought non-alloy, group 1) at a normal price and lot. */
const ingot = (change: Partial<ProductToCheck> = {}): ProductToCheck => ({
  index: 0,
  htsCode: '7601103000',
  productGroupId: 1,
  unitValueUsdPerKg: 2.65,
  volumeKg: 100_000,
  ...change,
});

/**
 * Statistics of `count` earlier lines, as the server's counters would hold them: unit values and
 * volumes spread evenly (in log terms) around the given centres by up to ±`spread`×, one origin.
 */
function history(
  level: 'hts10' | 'hts6' | 'productGroup',
  count: number,
  { unitValue = 2.65, volume = 100_000, spread = 1.3, origins = { CA: 1 } as Record<string, number> } = {},
): ObservedStatistics {
  const originList = Object.entries(origins).flatMap(([country, weight]) => Array<string>(weight).fill(country));
  let statistics: ObservedStatistics | undefined;
  for (let i = 0; i < count; i++) {
    const step = count === 1 ? 0 : (2 * i) / (count - 1) - 1; // −1 … +1
    const line = ingot({ unitValueUsdPerKg: unitValue * spread ** step, volumeKg: volume * spread ** -step });
    statistics = addObservation(statistics, observationOf(line, originList[i % originList.length] ?? 'CA'), level);
  }
  return statistics ?? { unitValue: {}, volume: {}, origins: {} };
}

const paths = (flags: Flag[]) => flags.map((flag) => flag.path);

describe('LIC-11 unit value far outside the usual range', () => {
  it('flags ×1000 and ×0.001 on an empty database, judged by the reference facts', () => {
    const high = checkProduct(ingot({ unitValueUsdPerKg: 2650 }), 'CA', {});
    expect(high).toEqual([
      {
        path: 'products.0.customsValueUsd',
        reason: 'USD 2,650.00 per kg is far above the usual USD 2.30–3.00 per kg for 7601.10.30.00 (a kilogram and metric-ton mix-up?)',
      },
    ]);
    const low = checkProduct(ingot({ unitValueUsdPerKg: 0.0028 }), 'CA', {});
    expect(low[0]?.reason).toBe(
      'USD 0.0028 per kg is far below the usual USD 2.30–3.00 per kg for 7601.10.30.00 (a kilogram and metric-ton mix-up, or a value in thousands of dollars?)',
    );
  });

  it('does not flag a genuine price move: 1.5× and the 2025 tariff level of 1.7×', () => {
    expect(checkProduct(ingot({ unitValueUsdPerKg: 2.65 * 1.5 }), 'CA', {})).toEqual([]);
    expect(checkProduct(ingot({ unitValueUsdPerKg: 2.65 / 1.5 }), 'CA', {})).toEqual([]);
    expect(checkProduct(ingot({ unitValueUsdPerKg: 4.5 }), 'CA', {})).toEqual([]);
    const learned = { hts10: history('hts10', 300) };
    expect(checkProduct(ingot({ unitValueUsdPerKg: 2.65 * 1.5 }), 'CA', learned)).toEqual([]);
  });

  it('flags ×1000 and ×0.001 against a learned history, quoting its range', () => {
    // 300 lines between USD 2.04 and 3.45: the learned range, not the reference facts', is quoted.
    const learned = { hts10: history('hts10', 300) };
    expect(paths(checkProduct(ingot({ unitValueUsdPerKg: 2650 }), 'CA', learned))).toEqual(['products.0.customsValueUsd']);
    expect(paths(checkProduct(ingot({ unitValueUsdPerKg: 0.00265 }), 'CA', learned))).toEqual(['products.0.customsValueUsd']);
    expect(checkProduct(ingot({ unitValueUsdPerKg: 0.00265 }), 'CA', learned)[0]?.reason).toMatch(
      /^USD 0\.0027 per kg is far below the usual USD 1\.90–3\.70 per kg for 7601\.10\.30\.00/,
    );
  });

  it('learns a code that really sells far from its group: a master alloy at USD 20 per kg', () => {
    const masterAlloy = ingot({ htsCode: '7601209030', productGroupId: 2, unitValueUsdPerKg: 20 });
    expect(paths(checkProduct(masterAlloy, 'CA', {}))).toEqual(['products.0.customsValueUsd']);
    const learned = { hts10: history('hts10', 60, { unitValue: 20 }) };
    expect(checkProduct(masterAlloy, 'CA', learned)).toEqual([]);
    expect(paths(checkProduct({ ...masterAlloy, unitValueUsdPerKg: 0.02 }, 'CA', learned))).toEqual(['products.0.customsValueUsd']);
  });

  it('is not pulled off course by the mistakes already counted', () => {
    let hts10 = history('hts10', 200);
    for (let i = 0; i < 8; i++) hts10 = addObservation(hts10, observationOf(ingot({ unitValueUsdPerKg: 2650 }), 'CA'), 'hts10');
    expect(paths(checkProduct(ingot({ unitValueUsdPerKg: 2650 }), 'CA', { hts10 }))).toEqual(['products.0.customsValueUsd']);
    expect(checkProduct(ingot(), 'CA', { hts10 })).toEqual([]);
  });
});

describe('LIC-11 unusual volume', () => {
  it('flags a lot 1000× the usual on an empty database, with the usual range rounded', () => {
    expect(checkProduct(ingot({ volumeKg: 120_000_000 }), 'CA', {})).toEqual([
      { path: 'products.0.volumeKg', reason: '120,000,000 kg is far above the usual 20,000–500,000 kg for 7601.10.30.00' },
    ]);
  });

  it('tolerates the ordinary spread of lot sizes, big buyers included', () => {
    for (const volumeKg of [5_000, 20_000, 500_000, 2_000_000]) expect(checkProduct(ingot({ volumeKg }), 'CA', {})).toEqual([]);
    const foil = ingot({ htsCode: '7607113000', productGroupId: 11, unitValueUsdPerKg: 4, volumeKg: 200 });
    expect(checkProduct(foil, 'CN', {})).toEqual([]);
    expect(paths(checkProduct({ ...foil, volumeKg: 200_000_000 }, 'CN', {}))).toEqual(['products.0.volumeKg']);
  });

  it('judges by what the code usually ships once it has history', () => {
    const bigLots = { hts10: history('hts10', 100, { volume: 5_000_000 }) };
    expect(checkProduct(ingot({ volumeKg: 10_000_000 }), 'CA', bigLots)).toEqual([]);
    expect(paths(checkProduct(ingot({ volumeKg: 10_000_000 }), 'CA', {}))).toEqual(['products.0.volumeKg']);
    expect(paths(checkProduct(ingot({ volumeKg: 5_000_000_000 }), 'CA', bigLots))).toEqual(['products.0.volumeKg']);
  });
});

describe('LIC-11 fallback from HTS10 to HTS6, product group and the reference facts', () => {
  // Each level centred on its own unit value, so the quoted usual range shows which one judged.
  const hts10 = history('hts10', 40, { unitValue: 10, spread: 1.1 });
  const hts6 = history('hts6', 40, { unitValue: 20, spread: 1.1 });
  const productGroup = history('productGroup', 40, { unitValue: 40, spread: 1.1 });
  const usualRange = (statistics: Parameters<typeof checkProduct>[2]) =>
    checkProduct(ingot({ unitValueUsdPerKg: 0.001 }), 'CA', statistics)[0]?.reason.match(/usual USD ([\d.,]+)–/)?.[1];

  it('uses the HTS10 once it has 30 lines', () => {
    expect(usualRange({ hts10, hts6, productGroup })).toBe('8.80');
  });

  it('falls back to the HTS6, then the product group, while the narrower level is thin', () => {
    const thin = history('hts10', 29, { unitValue: 10, spread: 1.1 });
    expect(usualRange({ hts10: thin, hts6, productGroup })).toBe('18.00');
    expect(usualRange({ hts10: thin, hts6: history('hts6', 29, { unitValue: 20 }), productGroup })).toBe('35.00');
    expect(usualRange({ productGroup })).toBe('35.00');
  });

  it('falls back to the reference facts, topped up by the few lines there are', () => {
    expect(usualRange({})).toBe('2.30');
    // 10 lines at USD 2.90 next to the facts' 20 pseudo-lines around 2.63: the range moves up a little.
    const few = history('productGroup', 10, { unitValue: 2.9, spread: 1.05 });
    const moved = Number(usualRange({ productGroup: few }));
    expect(moved).toBeGreaterThan(2.3);
    expect(moved).toBeLessThan(2.9);
  });

  it('checks nothing it has no basis for: an unknown product group with no history', () => {
    expect(checkProduct(ingot({ productGroupId: 99, unitValueUsdPerKg: 0.001 }), 'CA', {})).toEqual([]);
  });
});

describe('LIC-11 country of origin rare for the HTS code', () => {
  it('flags a country outside the usual suppliers on an empty database', () => {
    expect(checkProduct(ingot(), 'NE', {})).toEqual([
      {
        path: 'countryOfOrigin',
        reason: 'Imports of 7601.10.30.00 from Niger are rare: Niger is not among the usual suppliers of aluminum to the United States',
      },
    ]);
  });

  it('flags a usual supplier that is rare for this code only once the code has history', () => {
    const foil = ingot({ htsCode: '7607113000', productGroupId: 11, unitValueUsdPerKg: 4, volumeKg: 10_000 });
    expect(checkProduct(foil, 'QA', {})).toEqual([]);
    expect(checkProduct(foil, 'QA', { hts10: history('hts10', 199, { origins: { CN: 1, TR: 1 } }) })).toEqual([]);
    expect(checkProduct(foil, 'QA', { hts10: history('hts10', 1240, { origins: { CN: 1, TR: 1 } }) })).toEqual([
      { path: 'countryOfOrigin', reason: 'Imports of 7607.11.30.00 from Qatar are rare: 0 of 1,240 earlier product lines' },
    ]);
  });

  it('says how thin the history is when it judges by the usual suppliers', () => {
    expect(checkProduct(ingot(), 'NE', { hts10: history('hts10', 12) })[0]?.reason).toBe(
      'Imports of 7601.10.30.00 from Niger are rare: 0 of 12 earlier product lines, and Niger is not among the usual suppliers of aluminum to the United States',
    );
  });

  it('accepts a country the code has really seen, on and off the usual list', () => {
    const seen = { hts10: history('hts10', 400, { origins: { CA: 97, JP: 3 } }) };
    expect(checkProduct(ingot(), 'jp', seen)).toEqual([]);
    expect(checkProduct(ingot(), 'CA', seen)).toEqual([]);
    expect(checkProduct(ingot(), 'VN', { hts10: history('hts10', 50, { origins: { CA: 9, VN: 1 } }) })).toEqual([]);
    expect(paths(checkProduct(ingot(), 'VN', { hts10: history('hts10', 400, { origins: { CA: 399, VN: 1 } }) }))).toEqual([
      'countryOfOrigin',
    ]);
  });
});

describe('LIC-11 flags name the fields', () => {
  it('uses the product’s place on the license and reports every flag it finds', () => {
    const flags = checkProduct(ingot({ index: 2, unitValueUsdPerKg: 0.0026, volumeKg: 100_000_000 }), 'NE', {});
    expect(paths(flags)).toEqual(['products.2.customsValueUsd', 'products.2.volumeKg', 'countryOfOrigin']);
  });

  it('leaves non-positive values to LIC-2 validation', () => {
    expect(checkProduct(ingot({ unitValueUsdPerKg: 0, volumeKg: 0 }), 'CA', {})).toEqual([]);
  });
});

describe('LIC-11 a product group without reference facts', () => {
  it('is judged only once it has 30 lines of its own', () => {
    const unknown = ingot({ productGroupId: 99 });
    expect(checkProduct({ ...unknown, unitValueUsdPerKg: 0.001 }, 'CA', { hts10: history('hts10', 29) })).toEqual([]);
    expect(paths(checkProduct({ ...unknown, unitValueUsdPerKg: 0.001 }, 'CA', { hts10: history('hts10', 30) }))).toEqual([
      'products.0.customsValueUsd',
    ]);
  });
});
