import { type SignUpInput, normalizeEmail, validateSignUp } from '@aim/domain';
import { tables } from '@aim/db';
import { assertValid, invalidInput } from '../errors.js';
import { alreadyRegisteredMessage, signUpCodeMessage } from '../mail/account-messages.js';
import { enqueueJob } from '../outbox/enqueue.js';
import type { Services } from '../services.js';
import { findUserByEmail } from './find-user.js';
import { hashPassword } from './passwords.js';
import { limitClientAddress } from './rate-limit.js';
import { createSession, type UserRow } from './sessions.js';
import { acceptCodeRequest, issueVerificationCode, useVerificationCode } from './verification-codes.js';

/**
 * ACC-1: emails a 6-digit code. The request only queues the work (`sendSignUpCode`), so the
 * answer is the same, in what it says and in what it does, whether or not the email has an
 * account (ACC-4).
 */
export async function requestSignUpCode(services: Services, rawEmail: string, clientAddress: string): Promise<void> {
  const email = await acceptCodeRequest(services, rawEmail, clientAddress, 'SIGN_UP');
  await enqueueJob(services.db, 'sign-up-code', { email });
}

/**
 * The outbox's handler of a sign-up code request: a new code, or, when the email already has an
 * account, a note to its owner instead. The code is issued as it is sent, so a message delayed by
 * a mail server's outage still carries its full 10 minutes.
 */
export async function sendSignUpCode(services: Services, { email }: { email: string }): Promise<void> {
  if (await findUserByEmail(services, email)) {
    await services.mailer.send(alreadyRegisteredMessage(email));
    return;
  }
  const code = await issueVerificationCode(services, email, 'SIGN_UP');
  await services.mailer.send(signUpCodeMessage(email, code));
}

/** ACC-1: the code, names and a password create a filer account, signed in. */
export async function signUp(
  services: Services,
  input: SignUpInput,
  clientAddress: string,
): Promise<{ user: UserRow; sessionSecret: string }> {
  assertValid(validateSignUp(input));
  await limitClientAddress(services, clientAddress);
  const email = normalizeEmail(input.email);
  await useVerificationCode(services, email, 'SIGN_UP', input.code);
  const passwordHash = await hashPassword(input.password);
  return services.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(tables.users)
      .values({
        email,
        displayName: input.displayName.trim(),
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        passwordHash,
        role: 'FILER',
      })
      .onConflictDoNothing({ target: tables.users.email })
      .returning();
    // Only the mailbox's owner holds a valid code, so saying the account exists reveals nothing.
    if (!user) throw invalidInput([{ path: 'email', message: 'This email already has an account. Sign in instead.' }]);
    const sessionSecret = await createSession({ ...services, db: tx }, user.id);
    return { user, sessionSecret };
  });
}
