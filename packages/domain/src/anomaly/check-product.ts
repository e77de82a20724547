import {
  countryName,
  formatCount,
  formatHtsCode,
  formatKg,
  formatKgRounded,
  formatUsdPerKg,
  formatUsdPerKgRounded,
} from './format.js';
import { anomalyPolicy } from './policy.js';
import { productGroupPriors, usualOrigins } from './priors.js';
import {
  type Histogram,
  type ObservedStatistics,
  type ProductToCheck,
  type RobustSummary,
  type StatisticsByScope,
  mergeHistograms,
  priorHistogram,
  summarize,
  toHistogram,
} from './statistics.js';

/** A field to show in red and why, in a filer's words (LIC-11). */
export interface Flag {
  path: string;
  reason: string;
}

type Measure = 'unitValue' | 'volume';

// The reference facts as histograms, built once: 16 groups × 2 measures.
const priorHistograms = new Map<string, Histogram>(
  Object.entries(productGroupPriors).flatMap(([id, prior]) => [
    [`${id}:unitValue`, priorHistogram(prior.unitValueUsdPerKg, anomalyPolicy.priorWeight)],
    [`${id}:volume`, priorHistogram(prior.volumeKg, anomalyPolicy.priorWeight)],
  ]),
);

/**
 * The most specific level with enough history; when none has, the widest one's few observations
 * plus the reference facts' pseudo-observations (the group holds everything the narrower levels do).
 */
function usualSpread(
  measure: Measure,
  productGroupId: number,
  statistics: StatisticsByScope,
): RobustSummary | undefined {
  const levels: Array<ObservedStatistics | undefined> = [statistics.hts10, statistics.hts6, statistics.productGroup];
  let widest: Histogram | undefined;
  for (const level of levels) {
    const histogram = toHistogram(level?.[measure]);
    if (histogram.total >= anomalyPolicy.minimumObservations) return summarize(histogram);
    if (histogram.total > (widest?.total ?? 0)) widest = histogram;
  }
  // A group without reference facts and without 30 lines of its own gives no basis to judge by.
  const prior = priorHistograms.get(`${productGroupId}:${measure}`);
  if (!prior) return undefined;
  return summarize(widest ? mergeHistograms(widest, prior) : prior);
}

interface Outlier {
  direction: 'below' | 'above';
  low: number;
  high: number;
  /** log10 of how many times off the median the value is. */
  distance: number;
}

function outlier(value: number, usual: RobustSummary, limits: { maxRobustZ: number; minFactor: number }): Outlier | undefined {
  const distance = Math.log10(value) - usual.median;
  const far = Math.abs(distance) / usual.spread > limits.maxRobustZ && Math.abs(distance) > Math.log10(limits.minFactor);
  if (!far) return undefined;
  const halfRange = anomalyPolicy.usualRangeZ * usual.spread;
  return {
    direction: distance < 0 ? 'below' : 'above',
    low: 10 ** (usual.median - halfRange),
    high: 10 ** (usual.median + halfRange),
    distance,
  };
}

// Within 3× of 1,000 either way the likeliest cause is units, and naming it saves the filer a search.
function unitHint(found: Outlier): string {
  if (Math.abs(Math.abs(found.distance) - 3) > Math.log10(3)) return '';
  return found.direction === 'above'
    ? ' (a kilogram and metric-ton mix-up?)'
    : ' (a kilogram and metric-ton mix-up, or a value in thousands of dollars?)';
}

/** LIC-11: flags for one product of a license, judged against what was seen before it (not including itself). */
export function checkProduct(product: ProductToCheck, countryOfOrigin: string, statistics: StatisticsByScope): Flag[] {
  const flags: Flag[] = [];
  const hts = formatHtsCode(product.htsCode);

  const unitValue = product.unitValueUsdPerKg;
  const usualUnitValue = usualSpread('unitValue', product.productGroupId, statistics);
  // Non-positive values are LIC-2 validation errors, reported there; nothing to compare here.
  const unitOutlier = unitValue > 0 && usualUnitValue ? outlier(unitValue, usualUnitValue, anomalyPolicy.unitValue) : undefined;
  if (unitOutlier) {
    flags.push({
      path: `products.${product.index}.customsValueUsd`,
      reason:
        `USD ${formatUsdPerKg(unitValue)} per kg is far ${unitOutlier.direction} the usual ` +
        `USD ${formatUsdPerKgRounded(unitOutlier.low)}–${formatUsdPerKgRounded(unitOutlier.high)} per kg for ${hts}${unitHint(unitOutlier)}`,
    });
  }

  const volume = product.volumeKg;
  const usualVolume = usualSpread('volume', product.productGroupId, statistics);
  const volumeOutlier = volume > 0 && usualVolume ? outlier(volume, usualVolume, anomalyPolicy.volume) : undefined;
  if (volumeOutlier) {
    flags.push({
      path: `products.${product.index}.volumeKg`,
      reason:
        `${formatKg(volume)} kg is far ${volumeOutlier.direction} the usual ` +
        `${formatKgRounded(volumeOutlier.low)}–${formatKgRounded(volumeOutlier.high)} kg for ${hts}`,
    });
  }

  const origin = countryOfOrigin.trim().toUpperCase();
  const rare = rareOrigin(origin, statistics.hts10?.origins ?? {});
  if (rare) {
    const name = countryName(origin);
    const notUsual = `${name} is not among the usual suppliers of aluminum to the United States`;
    const seen = `${formatCount(rare.count)} of ${formatCount(rare.history)} earlier product lines`;
    flags.push({
      path: 'countryOfOrigin',
      reason:
        rare.history === 0
          ? `Imports of ${hts} from ${name} are rare: ${notUsual}`
          : `Imports of ${hts} from ${name} are rare: ${seen}${rare.thinHistory ? `, and ${notUsual}` : ''}`,
    });
  }
  return flags;
}

/**
 * An origin is rare when its share of the code's earlier lines is below `minShare`; while the code
 * has little history that share says nothing, so only countries outside the usual suppliers count.
 */
function rareOrigin(
  origin: string,
  origins: Readonly<Record<string, number>>,
): { count: number; history: number; thinHistory: boolean } | undefined {
  if (origin === '') return undefined;
  const history = Object.values(origins).reduce((sum, count) => sum + count, 0);
  const count = origins[origin] ?? 0;
  if (history > 0 && count / history >= anomalyPolicy.origin.minShare) return undefined;
  const thinHistory = history < anomalyPolicy.origin.minHistory;
  if (thinHistory && usualOrigins.includes(origin)) return undefined;
  return { count, history, thinHistory };
}
