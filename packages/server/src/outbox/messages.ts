import { type Database, tables } from '@aim/db';
import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { dbNowPlus } from './db-time.js';

// The outbox table's state changes, one statement each. A claim adds one to `attempts`, so a
// message's attempts as claimed say whose it is: every later change of a claimed message checks
// them, and one whose lease ran out and was claimed again is no longer this worker's to change.

export type OutboxMessage = typeof tables.outbox.$inferSelect;

const { outbox } = tables;

const mine = (message: OutboxMessage) => and(eq(outbox.id, message.id), eq(outbox.attempts, message.attempts));

/**
 * Leases up to `limit` due messages, oldest first. SKIP LOCKED passes over rows another worker is
 * claiming at this instant, and the lease (`locked_until`) keeps them from every worker after this
 * statement commits, until it runs out.
 */
export async function claimDue(db: Database, limit: number, leaseMs: number): Promise<OutboxMessage[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'pending'),
        lte(outbox.runAt, sql`now()`),
        or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, sql`now()`)),
      ),
    )
    .orderBy(outbox.id)
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({ lockedUntil: dbNowPlus(leaseMs), attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning();
  return claimed.sort((a, b) => a.id - b.id);
}

/**
 * Renews the lease of a claimed message as its handler starts, so the messages behind a slow one
 * in a batch keep theirs. False when it is no longer this worker's: its lease ran out first.
 */
export async function startHandling(db: Database, message: OutboxMessage, leaseMs: number): Promise<boolean> {
  const renewed = await db
    .update(outbox)
    .set({ lockedUntil: dbNowPlus(leaseMs) })
    .where(and(mine(message), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id });
  return renewed.length > 0;
}

/** Marks a batch's handled messages done in one statement (each still only if it is this worker's). */
export async function markDone(db: Database, messages: OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await db
    .update(outbox)
    .set({ status: 'done', doneAt: sql`now()`, lockedUntil: null })
    .where(or(...messages.map(mine)));
}

/** A failed try: another after `retryInMs`, or none (`dead`) when the message has had its tries. */
export async function markFailed(db: Database, message: OutboxMessage, lastError: string, retryInMs: number | 'dead'): Promise<void> {
  await db
    .update(outbox)
    .set(
      retryInMs === 'dead'
        ? { status: 'dead', lockedUntil: null, lastError }
        : { runAt: dbNowPlus(retryInMs), lockedUntil: null, lastError },
    )
    .where(mine(message));
}

/** Hands claimed messages back untried: due at once for any worker, their try not counted. */
export async function release(db: Database, messages: OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await db
    .update(outbox)
    .set({ lockedUntil: null, attempts: sql`${outbox.attempts} - 1` })
    .where(or(...messages.map(mine)));
}
