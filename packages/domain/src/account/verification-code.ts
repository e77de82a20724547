import type { Validation } from '../field-error.js';

/** SPEC ACC-1: verification codes are 6 digits. */
export function validateVerificationCode(code: string, path = 'code'): Validation {
  if (!/^\d{6}$/.test(code.trim())) {
    return [{ path, message: 'Enter the 6-digit code from the email we sent you.' }];
  }
  return [];
}
