import type { MailMessage } from '../mail/mailer.js';

/**
 * Every kind of outbox message and its payload (stored as jsonb). A new kind is a line here and
 * its handler in handlers.ts; the compiler holds the two together.
 */
export interface OutboxTopics {
  /** A finished email, sent as it is (the password-changed notice, license notices). */
  email: MailMessage;
  /** ACC-1: a sign-up code, or the "already registered" email when the email has an account. */
  'sign-up-code': { email: string };
  /** ACC-4: a password reset code when the email has an account, nothing otherwise. */
  'password-reset-code': { email: string };
}

export type OutboxTopic = keyof OutboxTopics;
