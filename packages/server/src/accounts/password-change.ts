import { normalizeEmail, validateEmail, validatePassword, validateVerificationCode } from '@aim/domain';
import { tables } from '@aim/db';
import { and, eq } from 'drizzle-orm';
import { assertValid, invalidInput } from '../errors.js';
import { passwordChangedMessage, passwordResetCodeMessage } from '../mail/account-messages.js';
import { enqueueEmail, enqueueJob } from '../outbox/enqueue.js';
import type { Services } from '../services.js';
import { findUserByEmail } from './find-user.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { limitClientAddress } from './rate-limit.js';
import { clearSignInFailures } from './sign-in.js';
import { createSession, endOtherSessions, type UserRow } from './sessions.js';
import { acceptCodeRequest, issueVerificationCode, useVerificationCode, wrongCode } from './verification-codes.js';

/**
 * ACC-4: a code to the primary email if it has an account. The request only queues the work
 * (`sendPasswordResetCode`), so the answer never says, nor takes longer to say, whether it does.
 */
export async function requestPasswordReset(services: Services, rawEmail: string, clientAddress: string): Promise<void> {
  const email = await acceptCodeRequest(services, rawEmail, clientAddress, 'PASSWORD_RESET');
  await enqueueJob(services.db, 'password-reset-code', { email });
}

/** The outbox's handler of a reset request: a code if the email has an account, nothing otherwise. */
export async function sendPasswordResetCode(services: Services, { email }: { email: string }): Promise<void> {
  if (!(await findUserByEmail(services, email))) return;
  const code = await issueVerificationCode(services, email, 'PASSWORD_RESET');
  await services.mailer.send(passwordResetCodeMessage(email, code));
}

/** The code and a new password: every session ends, a new one starts, the sign-in lock lifts. */
export async function resetPassword(
  services: Services,
  input: { email: string; code: string; newPassword: string },
  clientAddress: string,
): Promise<{ user: UserRow; sessionSecret: string }> {
  assertValid([
    ...validateEmail(input.email),
    ...validateVerificationCode(input.code),
    ...validatePassword(input.newPassword, 'newPassword'),
  ]);
  await limitClientAddress(services, clientAddress);
  const email = normalizeEmail(input.email);
  // An email without an account never had a code issued, so it fails here like a wrong code.
  await useVerificationCode(services, email, 'PASSWORD_RESET', input.code);
  const user = await findUserByEmail(services, email);
  if (!user) throw wrongCode();
  const sessionSecret = await replacePassword(services, user, input.newPassword, undefined);
  await clearSignInFailures(services, email);
  return { user, sessionSecret };
}

/** Needs the current password; other browsers signed in as the user are signed out. */
export async function changePassword(
  services: Services,
  user: UserRow,
  input: { currentPassword: string; newPassword: string },
  sessionSecret: string | undefined,
): Promise<void> {
  assertValid(validatePassword(input.newPassword, 'newPassword'));
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalidInput([{ path: 'currentPassword', message: 'Your current password is incorrect.' }]);
  }
  if (input.currentPassword === input.newPassword) {
    throw invalidInput([{ path: 'newPassword', message: 'Choose a password different from your current one.' }]);
  }
  await replacePassword(services, user, input.newPassword, sessionSecret);
}

/**
 * Every API token of the user is revoked with the old password, so a token taken by whoever knew
 * it does not outlive the owner's recovery. Returns the secret of the session kept or started.
 * The notice (copied to the alternate email, ACC-5) is queued in the same transaction: it goes
 * out if and only if the password changed.
 */
async function replacePassword(
  services: Services,
  user: UserRow,
  newPassword: string,
  keepSession: string | undefined,
): Promise<string> {
  const passwordHash = await hashPassword(newPassword);
  return services.db.transaction(async (tx) => {
    const scoped = { ...services, db: tx };
    await tx.update(tables.users).set({ passwordHash, updatedAt: services.clock() }).where(eq(tables.users.id, user.id));
    await endOtherSessions(scoped, user.id, keepSession);
    await tx
      .update(tables.apiTokens)
      .set({ revoked: true })
      .where(and(eq(tables.apiTokens.userId, user.id), eq(tables.apiTokens.revoked, false)));
    await enqueueEmail(tx, passwordChangedMessage(user.email, user.alternateEmail));
    return keepSession ?? createSession(scoped, user.id);
  });
}
