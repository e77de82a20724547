import { accountPolicy } from '@aim/domain';
import { tables } from '@aim/db';
import { and, eq, sql } from 'drizzle-orm';
import { invalidInput } from '../errors.js';
import { minutesAfter, type Services } from '../services.js';
import { consumeRateLimit } from './rate-limit.js';
import { hashSecret, newVerificationCode } from './secrets.js';

export type CodePurpose = 'SIGN_UP' | 'PASSWORD_RESET';

function codeHash(email: string, purpose: CodePurpose, code: string): string {
  return hashSecret(`${purpose}:${email}:${code}`);
}

/**
 * Counts a code request for the email (ACC-4) whether or not a code is then sent, so the limit
 * behaves the same for emails with and without an account.
 */
export function limitCodeRequests(services: Services, email: string, purpose: CodePurpose): Promise<void> {
  return consumeRateLimit(services, `code:${purpose}:${email}`, accountPolicy.codeRequestsPerEmail, accountPolicy.clientWindowMinutes);
}

/** Issues a new code for the email, cancelling any earlier one (ACC-1). */
export async function issueVerificationCode(services: Services, email: string, purpose: CodePurpose): Promise<string> {
  const code = newVerificationCode();
  const row = {
    email,
    purpose,
    codeHash: codeHash(email, purpose, code),
    expiresAt: minutesAfter(services.clock(), accountPolicy.codeTtlMinutes),
    failedAttempts: 0,
  };
  await services.db
    .insert(tables.verificationCodes)
    .values(row)
    .onConflictDoUpdate({
      target: [tables.verificationCodes.email, tables.verificationCodes.purpose],
      set: { codeHash: row.codeHash, expiresAt: row.expiresAt, failedAttempts: 0 },
    });
  return code;
}

const WRONG_CODE = 'The code is wrong or has expired. Check the latest email from AIM, or ask for a new code.';

/**
 * Spends the email's code if `code` matches: at most 5 wrong tries, 10 minutes (ACC-1).
 * A wrong try is counted even though the caller's mutation then fails.
 */
export async function useVerificationCode(
  services: Services,
  email: string,
  purpose: CodePurpose,
  code: string,
): Promise<void> {
  const where = and(eq(tables.verificationCodes.email, email), eq(tables.verificationCodes.purpose, purpose));
  const [row] = await services.db.select().from(tables.verificationCodes).where(where);
  const usable =
    row !== undefined &&
    row.expiresAt > services.clock() &&
    row.failedAttempts < accountPolicy.codeMaxAttempts;
  if (usable && row.codeHash === codeHash(email, purpose, code.trim())) {
    await services.db.delete(tables.verificationCodes).where(where);
    return;
  }
  if (usable) {
    await services.db
      .update(tables.verificationCodes)
      .set({ failedAttempts: sql`${tables.verificationCodes.failedAttempts} + 1` })
      .where(where);
  }
  throw invalidInput([{ path: 'code', message: WRONG_CODE }]);
}
