import { accountPolicy, normalizeEmail, validateEmail } from '@aim/domain';
import { tables } from '@aim/db';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { assertValid, invalidInput } from '../errors.js';
import { minutesAfter, type Services } from '../services.js';
import { consumeRateLimit, limitClientAddress } from './rate-limit.js';
import { hashSecret, newVerificationCode } from './secrets.js';

export type CodePurpose = 'SIGN_UP' | 'PASSWORD_RESET';

function codeHash(email: string, purpose: CodePurpose, code: string): string {
  return hashSecret(`${purpose}:${email}:${code}`);
}

/**
 * The whole request path of an emailed-code request (ACC-1, ACC-4) up to its one outbox job:
 * the email is checked and the request counted against the client address and the email. No one
 * looks for an account here: the outbox worker does, after the answer, so the answer takes the
 * same queries and time whether or not the email has one. Returns the normalized email.
 */
export async function acceptCodeRequest(services: Services, rawEmail: string, clientAddress: string, purpose: CodePurpose): Promise<string> {
  assertValid(validateEmail(rawEmail));
  await limitClientAddress(services, clientAddress);
  const email = normalizeEmail(rawEmail);
  await consumeRateLimit(services, `code:${purpose}:${email}`, accountPolicy.codeRequestsPerEmail, accountPolicy.clientWindowMinutes);
  return email;
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

/** The one answer to a code that cannot be used, whatever the reason, so none is revealed. */
export function wrongCode() {
  return invalidInput([
    { path: 'code', message: 'The code is wrong or has expired. Check the latest email from AIM, or ask for a new code.' },
  ]);
}

/**
 * Spends the email's code if `code` matches: at most 5 wrong tries, 10 minutes (ACC-1).
 * A wrong try is counted even though the caller's mutation then fails.
 *
 * Each step is one statement whose WHERE checks the expiry and the count of wrong tries on the
 * row it changes; PostgreSQL re-checks that WHERE on the locked row when a concurrent try changed
 * it first, so concurrent tries never count past the limit nor spend a code after it.
 */
export async function useVerificationCode(
  services: Services,
  email: string,
  purpose: CodePurpose,
  code: string,
): Promise<void> {
  const codes = tables.verificationCodes;
  const usable = and(
    eq(codes.email, email),
    eq(codes.purpose, purpose),
    gt(codes.expiresAt, services.clock()),
    lt(codes.failedAttempts, accountPolicy.codeMaxAttempts),
  );
  const spent = await services.db
    .delete(codes)
    .where(and(usable, eq(codes.codeHash, codeHash(email, purpose, code.trim()))))
    .returning({ email: codes.email });
  if (spent.length > 0) return;
  await services.db
    .update(codes)
    .set({ failedAttempts: sql`${codes.failedAttempts} + 1` })
    .where(usable);
  throw wrongCode();
}
