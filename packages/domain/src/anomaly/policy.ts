/**
 * Width of a histogram bucket, in log10 units, for unit values and volumes alike: a 4.7 % step,
 * finer than any price move the checks care about (they look for factors of 4 and more), coarse
 * enough that one code's histogram stays at a few hundred counter rows.
 */
export const UNIT_VALUE_BUCKET_WIDTH = 0.02;

/**
 * LIC-11 thresholds in one place. They are constants chosen from the reference facts and the
 * kind of mistake they target, not fitted to any data; `pnpm bench:anomalies` measures them.
 */
export const anomalyPolicy = {
  bucketWidth: UNIT_VALUE_BUCKET_WIDTH,
  /**
   * A level (HTS10, then HTS6, then product group) is used alone once it holds this many
   * observations: with 30 the median and MAD are stable to a few percent even when a few of
   * them are themselves mistakes (the server counts every submit; it cannot know which are wrong).
   */
  minimumObservations: 30,
  /**
   * The reference facts count as this many earlier product lines when no level has enough of its
   * own: enough that the first few licenses of a code cannot drag the usual range, few enough
   * that real history outweighs the estimate after a few dozen licenses.
   */
  priorWeight: 20,
  /** A histogram cannot resolve a spread narrower than its bucket (log10 units). */
  minimumSpread: UNIT_VALUE_BUCKET_WIDTH,
  /**
   * The "usual range" quoted to the filer: median ± 1.645 robust standard deviations, the middle
   * 90 % of a normal. The reference facts' demo ranges are read as that same 90 % band.
   */
  usualRangeZ: 1.645,
  unitValue: {
    /** Beyond 5 robust standard deviations a normal spread says "almost never" (1 in 1.7 million). */
    maxRobustZ: 5,
    /**
     * …and at least 4× off the median in absolute terms, so a genuine price move never flags: the
     * 2025 tariffs lifted landed unwrought prices about 1.7× (reference §3), specialty grades
     * (aerospace plate, master alloys) sell 2–3× their group. A kg/t or thousands mix-up is 1000×.
     */
    minFactor: 4,
  },
  volume: {
    /**
     * Lot sizes vary far more than prices (a group's usual 90 % band spans 15–200×), so fewer
     * spreads already mean a wide tolerance: 3.5 robust standard deviations reach about as far past
     * the median as the whole band is wide (31× for unwrought metal, 135× for foil), yet an extra
     * "000" (1000×) typed on a lot from the lower half of the band still lands beyond them.
     */
    maxRobustZ: 3.5,
    /** …and never less than 50× off the median, so a code with steady lots does not flag a big buyer's 10–20×. */
    minFactor: 50,
  },
  origin: {
    /** An origin's share is trusted only once the HTS10 has this many earlier product lines. */
    minHistory: 200,
    /**
     * Below 0.5 % (fewer than 1 in 200) an origin is rare for the code. Origin is a header field
     * and a wrong pick in a country list lands anywhere among ~250 codes, so a repeated mistake
     * alone does not reach this share.
     */
    minShare: 0.005,
  },
} as const;
