// LIC-11 anomaly checks. Kept to the names the server and the bench use, so the lead's
// `export *` of this folder cannot collide with another folder's helpers.
export { anomalyPolicy, UNIT_VALUE_BUCKET_WIDTH } from './policy.js';
export { type ProductGroupPrior, productGroupPriors, usualOrigins } from './priors.js';
export {
  type ObservedStatistics,
  type ProductToCheck,
  type StatisticsByScope,
  addObservation,
  observationOf,
  statisticsScopes,
} from './statistics.js';
export { type Flag, checkProduct } from './check-product.js';
