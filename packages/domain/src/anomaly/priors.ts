/**
 * What AIM knows before it has seen any license: per product group (ids and names as in
 * packages/db/seed/aluminum-hts.csv), the usual unit value and lot size, read as the middle 90 %.
 */
export interface ProductGroupPrior {
  name: string;
  /** Usual unit value, USD per kg: low and high end of the middle 90 %. */
  unitValueUsdPerKg: readonly [number, number];
  /** Usual volume of one product line, kg: low and high end of the middle 90 %. */
  volumeKg: readonly [number, number];
}

/**
 * Unit values: the "demo range" column of §3 in ../shared/reference/aluminum-import-facts.md
 * (editorial estimates, USD per metric ton there, divided by 1,000 here). Unwrought non-alloy
 * takes the pre-2025 range 2,300–3,000 USD/t; the 2025 landed 3,800–5,000 is 1.7× that and stays
 * inside the check's tolerance. Bars, rods and profiles share one range; redraw rod and wire share
 * "redraw rod / wire"; seamless and non-seamless pipe share "pipe & tube".
 *
 * Volumes are our estimate (the facts give national totals, not lot sizes): unwrought metal moves
 * by rail and bulk ship, 20–500 t per line; redraw rod and can stock go in coils to a few big mills,
 * about as large; sheet and plate coils weigh 5–10 t, so a line is one to a few dozen coils; profiles,
 * wire and foil fill containers (a 40-foot box carries ~20 t) in part or by the few; pipe is lighter
 * per container; fittings, castings and forgings ship as pallets of parts.
 */
export const productGroupPriors: Readonly<Record<number, ProductGroupPrior>> = {
  1: { name: 'Unwrought Aluminum - Non-Alloy', unitValueUsdPerKg: [2.3, 3.0], volumeKg: [20_000, 500_000] },
  2: { name: 'Unwrought Aluminum - Alloy', unitValueUsdPerKg: [2.6, 3.6], volumeKg: [20_000, 500_000] },
  3: { name: 'Bars, Rods & Profiles - Non-Alloy', unitValueUsdPerKg: [4.0, 7.5], volumeKg: [1_000, 50_000] },
  4: { name: 'Hollow Profiles - Alloy', unitValueUsdPerKg: [4.0, 7.5], volumeKg: [1_000, 50_000] },
  5: { name: 'Bars, Rods & Solid Profiles - Alloy', unitValueUsdPerKg: [4.0, 7.5], volumeKg: [1_000, 50_000] },
  6: { name: 'Redraw Rod', unitValueUsdPerKg: [2.9, 4.2], volumeKg: [20_000, 300_000] },
  7: { name: 'Wire - Non-Alloy', unitValueUsdPerKg: [2.9, 4.2], volumeKg: [1_000, 50_000] },
  8: { name: 'Wire - Alloy', unitValueUsdPerKg: [2.9, 4.2], volumeKg: [1_000, 50_000] },
  9: { name: 'Sheet & Plate', unitValueUsdPerKg: [3.5, 6.5], volumeKg: [5_000, 200_000] },
  10: { name: 'Can Stock', unitValueUsdPerKg: [3.2, 4.5], volumeKg: [20_000, 500_000] },
  11: { name: 'Foil', unitValueUsdPerKg: [3.0, 5.5], volumeKg: [500, 50_000] },
  12: { name: 'Seamless Pipe & Tube', unitValueUsdPerKg: [5.0, 10.0], volumeKg: [500, 30_000] },
  13: { name: 'Non-Seamless Pipe & Tube', unitValueUsdPerKg: [5.0, 10.0], volumeKg: [500, 30_000] },
  14: { name: 'Tube & Pipe Fittings', unitValueUsdPerKg: [8.0, 20.0], volumeKg: [50, 5_000] },
  15: { name: 'Castings', unitValueUsdPerKg: [5.0, 15.0], volumeKg: [100, 20_000] },
  16: { name: 'Forgings', unitValueUsdPerKg: [8.0, 25.0], volumeKg: [100, 20_000] },
};

/**
 * Countries that usually supply covered aluminum to the U.S. (alpha-2): the "partner list for demo
 * data" of §2 in ../shared/reference/aluminum-import-facts.md, most to least. Canada, UAE, Bahrain,
 * China, Mexico, India, Argentina, South Africa, Qatar, Australia, Germany, South Korea, Italy,
 * Turkey, Oman, Russia, Norway, Brazil. The facts do not split it by product, so one list serves
 * every group until a code's own history takes over.
 */
export const usualOrigins: readonly string[] = [
  'CA', 'AE', 'BH', 'CN', 'MX', 'IN', 'AR', 'ZA', 'QA', 'AU', 'DE', 'KR', 'IT', 'TR', 'OM', 'RU', 'NO', 'BR',
];
