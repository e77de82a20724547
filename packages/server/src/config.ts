import { resolve } from 'node:path';

/** A setting the server cannot start with; its message says which and why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Everything the server reads from its environment (documented in the README). */
export interface Config {
  port: number;
  /** A PostgreSQL server; without it the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** An SMTP server for email; without it email goes to the log and the development mailbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /**
   * How many proxies (TLS-terminating load balancers) stand in front: the client's address is the
   * one that many hops from the right of `X-Forwarded-For`, and `X-Forwarded-Proto` says TLS.
   * 0 believes no forwarded header.
   */
  trustedProxies: number;
  analyst: { email: string; password: string } | undefined;
  demoData: boolean;
  bulkUploads: BulkUploadLimits;
}

/** BULK-3: what one spreadsheet upload may ask of the server. */
export interface BulkUploadLimits {
  /** The file as sent (`AIM_BULK_MAX_BYTES`). */
  maxUploadBytes: number;
  /** Its sheets and shared strings, inflated (`AIM_BULK_MAX_UNCOMPRESSED_BYTES`): a zip bomb stops here. */
  maxUncompressedBytes: number;
  /** Rows of licenses under the heading row (`AIM_BULK_MAX_ROWS`). */
  maxRows: number;
  /** Uploads checked at once by this process (`AIM_BULK_CONCURRENT`); more are answered 429. */
  maxConcurrent: number;
}

/**
 * A 20,000-row file from Excel is about 1 MB zipped and 12 MB unzipped; the defaults leave room for
 * long names and other sheets while keeping one upload's memory to tens of megabytes.
 */
export const defaultBulkUploadLimits: BulkUploadLimits = {
  maxUploadBytes: 20_000_000,
  maxUncompressedBytes: 100_000_000,
  maxRows: 20_000,
  maxConcurrent: 2,
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  const smtpUrl = env.SMTP_URL || undefined;
  // Without SMTP, email (sign-up and password-reset codes) is kept in a mailbox anyone can read:
  // a development convenience that would hand any account to anyone in production.
  if (env.NODE_ENV === 'production' && !smtpUrl) {
    throw new ConfigError('NODE_ENV=production needs SMTP_URL: without it, sign-up and password-reset codes would be readable by anyone.');
  }
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    smtpUrl,
    mailFrom: env.MAIL_FROM ?? 'AIM <no-reply@aim.localhost>',
    trustedProxies: readTrustedProxies(env.TRUST_PROXY),
    analyst:
      env.AIM_ANALYST_EMAIL && env.AIM_ANALYST_PASSWORD
        ? { email: env.AIM_ANALYST_EMAIL, password: env.AIM_ANALYST_PASSWORD }
        : undefined,
    demoData: env.AIM_DEMO_DATA === '1' || env.AIM_DEMO_DATA === 'true',
    bulkUploads: {
      maxUploadBytes: readWholeNumber(env, 'AIM_BULK_MAX_BYTES', defaultBulkUploadLimits.maxUploadBytes, 1_000, 1_000_000_000),
      maxUncompressedBytes: readWholeNumber(env, 'AIM_BULK_MAX_UNCOMPRESSED_BYTES', defaultBulkUploadLimits.maxUncompressedBytes, 1_000, 4_000_000_000),
      maxRows: readWholeNumber(env, 'AIM_BULK_MAX_ROWS', defaultBulkUploadLimits.maxRows, 1, 1_000_000),
      maxConcurrent: readWholeNumber(env, 'AIM_BULK_CONCURRENT', defaultBulkUploadLimits.maxConcurrent, 1, 64),
    },
  };
}

function readWholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return number;
}

function readTrustedProxies(value: string | undefined): number {
  if (!value || value === 'false') return 0;
  if (value === 'true') return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new ConfigError(`TRUST_PROXY must be the number of proxies in front (0 to 10), not "${value}"`);
  }
  return hops;
}
