import { accountPolicy } from '@aim/domain';
import { tables } from '@aim/db';
import { and, eq, lt, sql } from 'drizzle-orm';
import { AppError, ErrorCode } from '../errors.js';
import type { Services } from '../services.js';

export const TOO_MANY_REQUESTS_MESSAGE = 'Too many attempts. Wait 15 minutes and try again.';

/**
 * Counts one request against `key` in the current fixed window and refuses it past `limit`
 * (ACC-4). The counter lives in the database so all API processes share it.
 */
export async function consumeRateLimit(
  { db, clock }: Pick<Services, 'db' | 'clock'>,
  key: string,
  limit: number,
  windowMinutes: number,
): Promise<void> {
  const windowMs = windowMinutes * 60_000;
  const windowStart = new Date(Math.floor(clock().getTime() / windowMs) * windowMs);
  const [counter] = await db
    .insert(tables.rateLimitCounters)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [tables.rateLimitCounters.key, tables.rateLimitCounters.windowStart],
      set: { count: sql`${tables.rateLimitCounters.count} + 1` },
    })
    .returning({ count: tables.rateLimitCounters.count });
  if (counter?.count === 1) {
    // The key's first request in a new window: its earlier windows are spent, and go.
    await db
      .delete(tables.rateLimitCounters)
      .where(and(eq(tables.rateLimitCounters.key, key), lt(tables.rateLimitCounters.windowStart, windowStart)));
  }
  if ((counter?.count ?? 0) > limit) throw new AppError(ErrorCode.TOO_MANY_REQUESTS, TOO_MANY_REQUESTS_MESSAGE);
}

/** ACC-4: sign-ups, code requests and sign-ins from one client address. */
export function limitClientAddress(services: Pick<Services, 'db' | 'clock'>, clientAddress: string): Promise<void> {
  return consumeRateLimit(
    services,
    `client:${clientAddress}`,
    accountPolicy.requestsPerClientWindow,
    accountPolicy.clientWindowMinutes,
  );
}
