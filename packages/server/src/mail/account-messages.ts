import { accountPolicy } from '@aim/domain';
import type { MailMessage } from './mailer.js';

// Plain-language account emails. Codes go only to the primary email: a copy to the alternate
// would let it reset the password, and the alternate cannot sign in (ACC-5).

export function signUpCodeMessage(email: string, code: string): MailMessage {
  return {
    to: email,
    subject: `Your AIM verification code: ${code}`,
    text: `Your AIM verification code is ${code}.\n\nEnter it on the sign-up page within ${accountPolicy.codeTtlMinutes} minutes. If you did not ask to create an AIM account, ignore this email.`,
  };
}

export function alreadyRegisteredMessage(email: string): MailMessage {
  return {
    to: email,
    subject: 'You already have an AIM account',
    text: 'Someone asked to create an AIM account with this email address, which already has one.\n\nSign in, or use "Forgot password" if you cannot. If it was not you, no action is needed.',
  };
}

export function passwordResetCodeMessage(email: string, code: string): MailMessage {
  return {
    to: email,
    subject: `Your AIM password reset code: ${code}`,
    text: `Your AIM password reset code is ${code}.\n\nEnter it within ${accountPolicy.codeTtlMinutes} minutes. If you did not ask to reset your password, ignore this email: your password has not changed.`,
  };
}

export function passwordChangedMessage(email: string, alternateEmail: string | null): MailMessage {
  return {
    to: email,
    cc: alternateEmail ? [alternateEmail] : [],
    subject: 'Your AIM password was changed',
    text: 'The password of your AIM account was changed, and every API token of your account was revoked: programs that use AIM need a new token, which you can create in My account.\n\nIf you did not change your password, reset it now with "Forgot password" and contact the AIM help desk.',
  };
}
