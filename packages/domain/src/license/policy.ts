/** License limits from SPEC LIC-4, LIC-7 and LIC-12, in one place for the server, the form and the bulk importer. */
export const licensePolicy = {
  /** LIC-7: an application may come at most this many days before the expected date of import. */
  applyDaysBeforeImport: 60,
  /** LIC-7: valid from the application date through this many days after it. */
  validityDays: 75,
  /** LIC-4: `Unknown` smelt answers are accepted only on applications dated on or before this day. */
  unknownSmeltUntil: '2022-06-28',
  /** LIC-12: a low value license covers entries whose combined customs value is at most this. */
  lowValueLimitUsd: 5000,
  /**
   * A license covers one entry, and an entry's covered lines are few: 67 HTS codes are covered, and a
   * code repeats only for a different smelt or cast. 200 leaves room for the largest real entries while
   * bounding what one submit (and one Entry ID's rows in a bulk file, BULK-1) asks of the anomaly
   * checks, the preview and the email.
   */
  maxProducts: 200,
  /** LIC-1 allows several manufacturers; past 20 the filer is describing more than one shipment. */
  maxManufacturers: 20,
  /** DASH-2: a saved search's name fits on one line of the dashboard's list. */
  maxSavedSearchNameLength: 100,
  /** Names (importer, exporter, manufacturer): long enough for any legal name with its suffixes. */
  maxNameLength: 200,
  /**
   * One million metric tons, a fifth of a year's U.S. aluminum imports (5.5 Mt in 2018): no entry comes near it,
   * so a larger figure is a unit slip (grams or pounds typed as kg), caught before it skews the monitor.
   */
  maxVolumeKg: 1_000_000_000,
  /**
   * USD 10 billion, two-fifths of a year's U.S. aluminum imports (USD 24 billion in 2018): beyond any entry. It also keeps
   * the cents of 200 products far inside the range where numbers add exactly (2^53).
   */
  maxCustomsValueUsd: 10_000_000_000,
  /**
   * LIC-7 allows applying "until the entry summary is filed", which the system cannot see. Entry
   * summaries are due within days of entry, so an import date over a year back is a mistyped year,
   * not a late license.
   */
  maxImportYearsBeforeApplication: 1,
  /**
   * …except for a withdrawal from a bonded warehouse (LIC-12: the license is needed only at withdrawal),
   * where the goods may have arrived up to five years earlier (19 U.S.C. 1557(a)).
   */
  maxWarehouseImportYearsBeforeApplication: 5,
} as const;
