import { logUnexpected } from '../log-error.js';
import type { MailMessage, Mailer } from './mailer.js';

/**
 * Sends after the change is committed; a mail failure is logged, never shown to the requester
 * (it would tell them whether the email has an account). They can ask for a new code.
 */
export async function deliver(mailer: Mailer, message: MailMessage): Promise<void> {
  try {
    await mailer.send(message);
  } catch (error) {
    logUnexpected(`mail "${message.subject}"`, error);
  }
}
