import { type SQL, sql } from 'drizzle-orm';

// The outbox's own times (leases, retries, schedules) are the database's clock, never a process's:
// every process sharing the table then agrees on when a lease ends, whatever its machine's clock.

/** The database's now, plus `ms` milliseconds. */
export function dbNowPlus(ms: number): SQL {
  return sql`now() + ${Math.round(ms)}::integer * interval '1 millisecond'`;
}
