import type { Database } from '@aim/db';
import type { Mailer } from './mail/mailer.js';

/** What every use case may use: created once at start, shared by all requests. */
export interface Services {
  db: Database;
  mailer: Mailer;
  /** The current instant; tests pass their own clock to step past expiries. */
  clock: () => Date;
}

export function minutesAfter(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}
