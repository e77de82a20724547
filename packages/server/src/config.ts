import { resolve } from 'node:path';

/** Everything the server reads from its environment (documented in the README). */
export interface Config {
  port: number;
  /** A PostgreSQL server; without it the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** An SMTP server for email; without it email goes to the log and the development mailbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Set behind a TLS-terminating load balancer so client addresses and Secure cookies are right. */
  trustProxy: boolean;
  analyst: { email: string; password: string } | undefined;
  demoData: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'AIM <no-reply@aim.localhost>',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    analyst:
      env.AIM_ANALYST_EMAIL && env.AIM_ANALYST_PASSWORD
        ? { email: env.AIM_ANALYST_EMAIL, password: env.AIM_ANALYST_PASSWORD }
        : undefined,
    demoData: env.AIM_DEMO_DATA === '1' || env.AIM_DEMO_DATA === 'true',
  };
}
