import { accountPolicy, normalizeEmail } from '@aim/domain';
import { tables } from '@aim/db';
import { eq, sql } from 'drizzle-orm';
import { AppError, ErrorCode } from '../errors.js';
import { minutesAfter, type Services } from '../services.js';
import { findUserByEmail } from './find-user.js';
import { verifyPassword } from './passwords.js';
import { TOO_MANY_REQUESTS_MESSAGE, limitClientAddress } from './rate-limit.js';
import { createSession, type UserRow } from './sessions.js';

export const WRONG_CREDENTIALS = 'The email or password is incorrect.';

/**
 * ACC-4: ten failed sign-ins lock the email for 15 minutes, whether or not it has an account,
 * so neither the lock nor the message tells which emails are registered.
 */
export async function signIn(
  services: Services,
  rawEmail: string,
  password: string,
  clientAddress: string,
): Promise<{ user: UserRow; sessionSecret: string }> {
  await limitClientAddress(services, clientAddress);
  const email = normalizeEmail(rawEmail);
  const now = services.clock();
  const [failures] = await services.db.select().from(tables.signInFailures).where(eq(tables.signInFailures.email, email));
  if (failures?.lockedUntil && failures.lockedUntil > now) {
    throw new AppError(ErrorCode.TOO_MANY_REQUESTS, TOO_MANY_REQUESTS_MESSAGE);
  }
  const user = await findUserByEmail(services, email);
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
    await recordFailure(services, email, now);
    throw new AppError(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
  }
  await clearSignInFailures(services, email);
  return { user, sessionSecret: await createSession(services, user.id) };
}

async function recordFailure({ db }: Services, email: string, now: Date): Promise<void> {
  // Instants in raw SQL go as ISO strings: drizzle's postgres.js driver does not serialize Dates there.
  const windowStart = minutesAfter(now, -accountPolicy.lockMinutes).toISOString();
  const lockedUntil = minutesAfter(now, accountPolicy.lockMinutes).toISOString();
  const failures = tables.signInFailures;
  // Failures older than the lock window are forgotten; the tenth within it locks the email.
  const counted = sql`case when ${failures.lastFailureAt} < ${windowStart}::timestamptz or ${failures.lockedUntil} is not null then 1 else ${failures.failures} + 1 end`;
  await db
    .insert(failures)
    .values({ email, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: failures.email,
      set: {
        failures: counted,
        lastFailureAt: now,
        lockedUntil: sql`case when ${counted} >= ${accountPolicy.signInFailuresBeforeLock} then ${lockedUntil}::timestamptz else null end`,
      },
    });
}

export async function clearSignInFailures({ db }: Pick<Services, 'db'>, email: string): Promise<void> {
  await db.delete(tables.signInFailures).where(eq(tables.signInFailures.email, email));
}
