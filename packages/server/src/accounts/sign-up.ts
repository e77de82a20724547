import { type SignUpInput, normalizeEmail, validateSignUp } from '@aim/domain';
import { tables } from '@aim/db';
import { assertValid, invalidInput } from '../errors.js';
import { alreadyRegisteredMessage, signUpCodeMessage } from '../mail/account-messages.js';
import { deliver } from '../mail/deliver.js';
import type { Services } from '../services.js';
import { hashPassword } from './passwords.js';
import { limitClientAddress } from './rate-limit.js';
import { createSession, type UserRow } from './sessions.js';
import { acceptCodeRequest, issueVerificationCode, useVerificationCode } from './verification-codes.js';

/**
 * ACC-1: emails a 6-digit code. The answer is the same whether or not the email has an account
 * (ACC-4); an existing account's owner is told instead that they already have one.
 */
export async function requestSignUpCode(services: Services, rawEmail: string, clientAddress: string): Promise<void> {
  const { email, user } = await acceptCodeRequest(services, rawEmail, clientAddress, 'SIGN_UP');
  if (user) {
    await deliver(services.mailer, alreadyRegisteredMessage(email));
    return;
  }
  const code = await issueVerificationCode(services, email, 'SIGN_UP');
  await deliver(services.mailer, signUpCodeMessage(email, code));
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
