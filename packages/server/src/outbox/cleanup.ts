import { accountPolicy } from '@aim/domain';
import { tables } from '@aim/db';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { minutesAfter, type Services } from '../services.js';

/** No rate limit counts over more than a day (accountPolicy), so a window that began earlier is spent. */
const RATE_WINDOW_KEPT_MINUTES = 24 * 60;

/** Finished outbox messages are kept a week for the operators, then go. Failed (dead) ones stay. */
const DONE_MESSAGES_KEPT = sql`interval '7 days'`;

/**
 * Deletes what can no longer be used: expired codes and sessions, spent rate-limit windows,
 * sign-in failures past their window and not locking, and old finished outbox messages. Each is
 * also ignored where it is read, so this only keeps the tables from growing. Account rows are
 * compared with `clock`, like the use cases that wrote and read them; the outbox with the database's clock.
 */
export async function cleanUpExpired({ db, clock }: Pick<Services, 'db' | 'clock'>): Promise<void> {
  const now = clock();
  await db.delete(tables.verificationCodes).where(lt(tables.verificationCodes.expiresAt, now));
  await db.delete(tables.sessions).where(lt(tables.sessions.expiresAt, now));
  await db.delete(tables.rateLimitCounters).where(lt(tables.rateLimitCounters.windowStart, minutesAfter(now, -RATE_WINDOW_KEPT_MINUTES)));
  const failures = tables.signInFailures;
  await db
    .delete(failures)
    .where(
      and(
        lt(failures.lastFailureAt, minutesAfter(now, -accountPolicy.lockMinutes)),
        or(isNull(failures.lockedUntil), lt(failures.lockedUntil, now)),
      ),
    );
  const { outbox } = tables;
  await db.delete(outbox).where(and(eq(outbox.status, 'done'), lt(outbox.doneAt, sql`now() - ${DONE_MESSAGES_KEPT}`)));
}
