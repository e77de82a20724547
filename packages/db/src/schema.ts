import {
  boolean,
  char,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Enum values are the GraphQL contract's spellings, so no mapping layer sits between them.
export const productType = pgEnum('product_type', ['ALUMINUM', 'STEEL']);
export const role = pgEnum('role', ['FILER', 'ANALYST']);
export const companyType = pgEnum('company_type', ['IMPORTER', 'CUSTOMS_BROKER', 'IMPORTER_AGENT']);
export const codePurpose = pgEnum('code_purpose', ['SIGN_UP', 'PASSWORD_RESET']);
export const htsStatus = pgEnum('hts_status', ['current', 'historical']);

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

