import type { Validation } from '../field-error.js';

// The WHATWG `input type=email` rule, the same one the browser applies to the form.
const emailPattern =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** Emails are compared without case or surrounding spaces: one account per mailbox (ACC-1). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function validateEmail(email: string, path = 'email'): Validation {
  const value = email.trim();
  if (value === '') return [{ path, message: 'Enter an email address.' }];
  if (value.length > 254 || !emailPattern.test(value)) {
    return [{ path, message: 'Enter an email address like name@example.com.' }];
  }
  return [];
}
