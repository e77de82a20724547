import { accountPolicy } from '@aim/domain';
import { tables } from '@aim/db';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Services } from '../services.js';
import { hashSecret, newSecret } from './secrets.js';

export type UserRow = typeof tables.users.$inferSelect;

export const SESSION_COOKIE = 'aim_session';

export function sessionExpiry(now: Date): Date {
  return new Date(now.getTime() + accountPolicy.sessionDays * 86_400_000);
}

/** Starts a session and returns the cookie's secret. */
export async function createSession({ db, clock }: Services, userId: string): Promise<string> {
  const secret = newSecret();
  // The user's expired sessions are cleared as a new one starts, so the table does not grow forever.
  await db.delete(tables.sessions).where(and(eq(tables.sessions.userId, userId), lt(tables.sessions.expiresAt, clock())));
  await db.insert(tables.sessions).values({ secretHash: hashSecret(secret), userId, expiresAt: sessionExpiry(clock()) });
  return secret;
}

export async function findSessionUser({ db, clock }: Services, secret: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select({ user: tables.users })
    .from(tables.sessions)
    .innerJoin(tables.users, eq(tables.users.id, tables.sessions.userId))
    .where(and(eq(tables.sessions.secretHash, hashSecret(secret)), gt(tables.sessions.expiresAt, clock())));
  return row?.user;
}

export async function endSession({ db }: Services, secret: string): Promise<void> {
  await db.delete(tables.sessions).where(eq(tables.sessions.secretHash, hashSecret(secret)));
}

/** After a password change: every other browser signed in as this user is signed out. */
export async function endOtherSessions({ db }: Services, userId: string, keepSecret: string | undefined): Promise<void> {
  await db
    .delete(tables.sessions)
    .where(
      keepSecret
        ? and(eq(tables.sessions.userId, userId), ne(tables.sessions.secretHash, hashSecret(keepSecret)))
        : eq(tables.sessions.userId, userId),
    );
}
