import { tables } from '@aim/db';
import { and, eq, lte, sql } from 'drizzle-orm';
import { logUnexpected } from '../log-error.js';
import type { Services } from '../services.js';
import { cleanUpExpired } from './cleanup.js';
import { dbNowPlus } from './db-time.js';

/** Recurring work run by the outbox worker: each run happens in one process of all that share the database. */
export interface Schedule {
  /** Its row in `scheduled_jobs`. */
  name: string;
  /** From the start of one run to the next; longer than a run takes, or two processes may overlap. */
  intervalMs: number;
  run(services: Services): Promise<void>;
}

/** What every server process runs; the publication schedule joins this list. */
export function defaultSchedules(settings: { cleanupMinutes: number }): Schedule[] {
  return [{ name: 'cleanup', intervalMs: settings.cleanupMinutes * 60_000, run: cleanUpExpired }];
}

/** Adds a row for each new schedule, due at once; an existing row keeps its next run. */
export async function registerSchedules({ db }: Pick<Services, 'db'>, schedules: Schedule[]): Promise<void> {
  if (schedules.length === 0) return;
  await db
    .insert(tables.scheduledJobs)
    .values(schedules.map((schedule) => ({ name: schedule.name, nextRunAt: sql`now()` })))
    .onConflictDoNothing();
}

/**
 * Runs each due schedule. The statement that finds it due moves its next run, so of the
 * processes that look at once exactly one gets the row back and runs it. A failed run is logged
 * and waits for its next turn.
 */
export async function runDueSchedules(services: Services, schedules: Schedule[]): Promise<void> {
  const jobs = tables.scheduledJobs;
  for (const schedule of schedules) {
    const claimed = await services.db
      .update(jobs)
      .set({ nextRunAt: dbNowPlus(schedule.intervalMs) })
      .where(and(eq(jobs.name, schedule.name), lte(jobs.nextRunAt, sql`now()`)))
      .returning({ name: jobs.name });
    if (claimed.length === 0) continue;
    try {
      await schedule.run(services);
    } catch (error) {
      logUnexpected(`outbox ${schedule.name}`, error);
    }
  }
}
