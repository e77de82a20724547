import {
  bigint,
  boolean,
  char,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

// Enum values are the GraphQL contract's spellings, so no mapping layer sits between them.
export const productType = pgEnum('product_type', ['ALUMINUM', 'STEEL']);
export const role = pgEnum('role', ['FILER', 'ANALYST']);
export const companyType = pgEnum('company_type', ['IMPORTER', 'CUSTOMS_BROKER', 'IMPORTER_AGENT']);
export const codePurpose = pgEnum('code_purpose', ['SIGN_UP', 'PASSWORD_RESET']);
export const htsStatus = pgEnum('hts_status', ['current', 'historical']);
export const licenseKind = pgEnum('license_kind', ['STANDARD', 'LOW_VALUE']);
export const licenseStatus = pgEnum('license_status', ['SUBMITTED', 'CORRECTED', 'ACTION_REQUIRED', 'CANCELLED']);
export const entryType = pgEnum('entry_type', ['CONSUMPTION', 'FOREIGN_TRADE_ZONE', 'WAREHOUSE_WITHDRAWAL']);
export const smeltAnswer = pgEnum('smelt_answer', ['COUNTRY', 'NOT_APPLICABLE', 'UNKNOWN']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// ------------------------------------------------------------------ reference data

/** ISO 3166-1 alpha-2 countries, names spelled out (SPEC LIC-5). */
export const countries = pgTable('countries', {
  code: char('code', { length: 2 }).primaryKey(),
  name: text('name').notNull(),
});

/** CBP Schedule D ports of entry. */
export const ports = pgTable('ports', {
  code: char('code', { length: 4 }).primaryKey(),
  name: text('name').notNull(),
  state: char('state', { length: 2 }),
});

export const productGroups = pgTable('product_groups', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  productType: productType('product_type').notNull(),
});

/** Covered HTS codes; historical ones stay so that older Census statistics still match (LIC-2). */
export const htsCodes = pgTable(
  'hts_codes',
  {
    code: char('code', { length: 10 }).primaryKey(),
    display: text('display').notNull(),
    hts6: char('hts6', { length: 6 }).notNull(),
    description: text('description').notNull(),
    productGroupId: integer('product_group_id')
      .notNull()
      .references(() => productGroups.id),
    productType: productType('product_type').notNull(),
    status: htsStatus('status').notNull(),
  },
  (table) => [index('hts_codes_product_group_idx').on(table.productGroupId)],
);

// ------------------------------------------------------------------ accounts

/** A filer's company (SPEC ACC-3); it fills the applicant block of every new license. */
export const companies = pgTable('companies', {
  id: uuid('id').primaryKey().defaultRandom(),
  ein: char('ein', { length: 10 }).notNull(),
  name: text('name').notNull(),
  type: companyType('type').notNull(),
  street: text('street').notNull(),
  city: text('city').notNull(),
  state: char('state', { length: 2 }).notNull(),
  zip: text('zip').notNull(),
  phone: text('phone').notNull(),
  fax: text('fax'),
  branchName: text('branch_name'),
  branchAddress: text('branch_address'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The username: the primary email, lower-cased (ACC-1). */
    email: text('email').notNull(),
    /** Copied on every email; cannot sign in (ACC-5). */
    alternateEmail: text('alternate_email'),
    displayName: text('display_name').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: role('role').notNull().default('FILER'),
    companyId: uuid('company_id').references(() => companies.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('users_email_idx').on(table.email)],
);

/** An emailed 6-digit code; one live code per email and purpose, a new one replaces it (ACC-1). */
export const verificationCodes = pgTable(
  'verification_codes',
  {
    email: text('email').notNull(),
    purpose: codePurpose('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.email, table.purpose] })],
);

/** Browser sessions; only a hash of the cookie's secret is stored. */
export const sessions = pgTable(
  'sessions',
  {
    secretHash: text('secret_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/** Tokens for programs (`Authorization: Bearer`); only a hash of the secret is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    revoked: boolean('revoked').notNull().default(false),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('api_tokens_secret_idx').on(table.secretHash), index('api_tokens_user_idx').on(table.userId)],
);

/**
 * Failed sign-ins by email, whether or not an account has it, so a lock never tells
 * which emails have accounts (ACC-4).
 */
export const signInFailures = pgTable('sign_in_failures', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/**
 * Fixed-window request counters for rate limits (ACC-4), kept in the database so that every
 * API process behind a load balancer counts the same requests.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);

// ------------------------------------------------------------------ licenses

/** The company block of a license as it stood at submit (LIC-1: it comes from the profile). */
export interface ApplicantSnapshot {
  ein: string;
  name: string;
  type: 'IMPORTER' | 'CUSTOMS_BROKER' | 'IMPORTER_AGENT';
  street: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  fax: string | null;
  branchName: string | null;
  branchAddress: string | null;
}

/** A flagged field and why, in a filer's words (LIC-11). */
export interface LicenseFlag {
  path: string;
  reason: string;
}

/**
 * A license (LIC-1, LIC-12) as it stands now; its earlier states are its versions. `version`
 * is the number of its latest version, checked on every change so no update is lost (LIC-9).
 */
export const licenses = pgTable(
  'licenses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 9 random upper-case letters and digits (LIC-8). */
    number: char('number', { length: 9 }).notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    productType: productType('product_type').notNull(),
    kind: licenseKind('kind').notNull(),
    status: licenseStatus('status').notNull(),
    version: integer('version').notNull(),
    applicant: jsonb('applicant').$type<ApplicantSnapshot>().notNull(),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    customsEntryNumber: text('customs_entry_number'),
    entryType: entryType('entry_type').notNull(),
    importerName: text('importer_name').notNull(),
    /** The importer name compared case- and space-insensitively (one low value license per importer). */
    importerKey: text('importer_key').notNull(),
    exporterName: text('exporter_name'),
    manufacturerNames: text('manufacturer_names').array().notNull(),
    countryOfOrigin: char('country_of_origin', { length: 2 }),
    countryOfExportation: char('country_of_exportation', { length: 2 }),
    portOfEntry: char('port_of_entry', { length: 4 }),
    expectedExportDate: date('expected_export_date'),
    expectedImportDate: date('expected_import_date'),
    applicationDate: date('application_date').notNull(),
    validFrom: date('valid_from').notNull(),
    /** Null: does not expire (foreign-trade zone admission, LIC-7). */
    validThrough: date('valid_through'),
    totalVolumeKg: doublePrecision('total_volume_kg').notNull(),
    totalCustomsValueCents: bigint('total_customs_value_cents', { mode: 'number' }).notNull(),
    /** What makes the license ACTION_REQUIRED now; empty otherwise. */
    flags: jsonb('flags').$type<LicenseFlag[]>().notNull().default([]),
    /** A client's key for its submit: a retry returns the first license (LIC-8). */
    idempotencyKey: text('idempotency_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('licenses_number_idx').on(table.number),
    uniqueIndex('licenses_idempotency_idx').on(table.createdBy, table.idempotencyKey),
    index('licenses_company_created_idx').on(table.companyId, table.createdAt),
    index('licenses_status_created_idx').on(table.status, table.createdAt),
    // LIC-12: a company holds one low value license per importer until it is cancelled.
    uniqueIndex('licenses_low_value_importer_idx')
      .on(table.companyId, table.importerKey)
      .where(sql`${table.kind} = 'LOW_VALUE' and ${table.status} <> 'CANCELLED'`),
  ],
);

/** The products of a license (LIC-2), in line order; money in integer cents. */
export const licenseProducts = pgTable(
  'license_products',
  {
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    htsCode: char('hts_code', { length: 10 })
      .notNull()
      .references(() => htsCodes.code),
    largestSmeltAnswer: smeltAnswer('largest_smelt_answer').notNull(),
    largestSmeltCountry: char('largest_smelt_country', { length: 2 }),
    secondSmeltAnswer: smeltAnswer('second_smelt_answer').notNull(),
    secondSmeltCountry: char('second_smelt_country', { length: 2 }),
    mostRecentCast: char('most_recent_cast', { length: 2 }).notNull(),
    volumeKg: doublePrecision('volume_kg').notNull(),
    customsValueCents: bigint('customs_value_cents', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.licenseId, table.line] })],
);

/** Every change of a license (LIC-9): version 1 is the submit; who, when, what changed. */
export const licenseVersions = pgTable(
  'license_versions',
  {
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: licenseStatus('status').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    /** The person as the history shows them: display name and role. */
    byName: text('by_name').notNull(),
    /** Field paths that changed, e.g. `products.0.volumeKg`; empty for the submit. */
    changedFields: text('changed_fields').array().notNull(),
    note: text('note'),
  },
  (table) => [primaryKey({ columns: [table.licenseId, table.version] })],
);

/**
 * What the anomaly checks have seen (LIC-11), as histogram counters kept current with one upsert
 * per observation, so a submit reads a few rows instead of scanning licenses. `scope` is
 * `hts10:…`, `hts6:…` or `group:…`; `measure` is `unit_value`, `volume` or `origin`; `bucket` a
 * histogram bucket index or a country code.
 */
export const productStatistics = pgTable(
  'product_statistics',
  {
    scope: text('scope').notNull(),
    measure: text('measure').notNull(),
    bucket: text('bucket').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.scope, table.measure, table.bucket] })],
);

/** A filer's named dashboard filter (DASH-2). */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('saved_searches_user_idx').on(table.userId)],
);

/** What a bulk upload answered for one Entry ID (BULK-2): kept so that the same file again gets the same answer. */
export interface BulkUploadLicense {
  entryId: string;
  number: string;
  status: 'SUBMITTED' | 'ACTION_REQUIRED';
  /** LIC-11 flags, each also placed at its Excel row and template column. */
  flags: Array<LicenseFlag & { row: number; column: string }>;
}

/**
 * A spreadsheet of licenses that was accepted (BULK-2), one row per upload. The same file again
 * (its SHA-256, per company) or the same `Idempotency-Key` (per filer) waits on these unique
 * indexes and then returns the first upload's licenses instead of creating new ones.
 */
export const bulkUploads = pgTable(
  'bulk_uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** SHA-256 of the file's bytes, hex. */
    contentHash: text('content_hash').notNull(),
    idempotencyKey: text('idempotency_key'),
    licenses: jsonb('licenses').$type<BulkUploadLicense[]>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('bulk_uploads_content_idx').on(table.companyId, table.contentHash),
    uniqueIndex('bulk_uploads_idempotency_idx').on(table.createdBy, table.idempotencyKey),
  ],
);

// ------------------------------------------------------------------ background work (outbox)

export const outboxStatus = pgEnum('outbox_status', ['pending', 'done', 'dead']);

/**
 * Work to do after a commit (email first), written in the same transaction as the change it
 * follows and drained by a worker in every server process (packages/server/src/outbox). Its
 * times are the database's clock, so processes on several machines agree on leases and retries.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    status: outboxStatus('status').notNull().default('pending'),
    /** Tries so far, counted as a worker claims the message; a claim's count is its fencing token. */
    attempts: integer('attempts').notNull().default(0),
    /** Not before: the enqueue, or the next try after a failure's backoff. */
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    /** A worker's lease: no other worker takes the message before it ends, and a killed worker's lease runs out. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** The last failure, without addresses or query parameters. */
    lastError: text('last_error'),
    createdAt: createdAt(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (table) => [index('outbox_status_run_at_idx').on(table.status, table.runAt)],
);

/** Recurring work by name: a run is claimed by moving `next_run_at`, so it happens in one process only. */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text('name').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
});
