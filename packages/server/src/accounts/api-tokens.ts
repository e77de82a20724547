import { validateText } from '@aim/domain';
import { tables } from '@aim/db';
import { and, desc, eq } from 'drizzle-orm';
import { AppError, ErrorCode, assertValid } from '../errors.js';
import { minutesAfter, type Services } from '../services.js';
import { hashSecret, newSecret } from './secrets.js';
import type { UserRow } from './sessions.js';

export type ApiTokenRow = typeof tables.apiTokens.$inferSelect;

// Recognisable in logs and by secret scanners.
const TOKEN_PREFIX = 'aim_';

export async function createApiToken({ db }: Services, userId: string, name: string) {
  assertValid(validateText(name, 'name', 'token name', 100));
  const secret = newSecret(TOKEN_PREFIX);
  const [token] = await db
    .insert(tables.apiTokens)
    .values({ userId, name: name.trim(), secretHash: hashSecret(secret) })
    .returning();
  if (!token) throw new Error('insert returned no API token');
  return { token, secret };
}

export function listApiTokens({ db }: Services, userId: string): Promise<ApiTokenRow[]> {
  return db
    .select()
    .from(tables.apiTokens)
    .where(and(eq(tables.apiTokens.userId, userId), eq(tables.apiTokens.revoked, false)))
    .orderBy(desc(tables.apiTokens.createdAt));
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function revokeApiToken({ db }: Services, userId: string, id: string): Promise<void> {
  const revoked = uuidPattern.test(id)
    ? await db
        .update(tables.apiTokens)
        .set({ revoked: true })
        .where(and(eq(tables.apiTokens.id, id), eq(tables.apiTokens.userId, userId), eq(tables.apiTokens.revoked, false)))
        .returning({ id: tables.apiTokens.id })
    : [];
  if (revoked.length === 0) throw new AppError(ErrorCode.NOT_FOUND, 'No such API token.');
}

/** A program's every request should not be a write: a token's use is recorded at most this often. */
const LAST_USED_PRECISION_MINUTES = 1;

/** The user behind `Authorization: Bearer <secret>`, in one query; the token's use is noted now and then. */
export async function findTokenUser({ db, clock }: Services, secret: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select({ user: tables.users, tokenId: tables.apiTokens.id, lastUsedAt: tables.apiTokens.lastUsedAt })
    .from(tables.apiTokens)
    .innerJoin(tables.users, eq(tables.users.id, tables.apiTokens.userId))
    .where(and(eq(tables.apiTokens.secretHash, hashSecret(secret)), eq(tables.apiTokens.revoked, false)));
  if (!row) return undefined;
  const now = clock();
  if (!row.lastUsedAt || row.lastUsedAt <= minutesAfter(now, -LAST_USED_PRECISION_MINUTES)) {
    await db.update(tables.apiTokens).set({ lastUsedAt: now }).where(eq(tables.apiTokens.id, row.tokenId));
  }
  return row.user;
}
