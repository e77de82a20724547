import type { Validation } from '../field-error.js';
import { validateEmail } from './email.js';
import { validatePassword } from './password.js';
import { validateText } from './profile.js';
import { validateVerificationCode } from './verification-code.js';

/** SPEC ACC-1: the code from the email, names and a password create the account. */
export interface SignUpInput {
  email: string;
  code: string;
  displayName: string;
  firstName: string;
  lastName: string;
  password: string;
}

export function validateSignUp(input: SignUpInput): Validation {
  return [
    ...validateEmail(input.email),
    ...validateVerificationCode(input.code),
    ...validateText(input.displayName, 'displayName', 'display name', 100),
    ...validateText(input.firstName, 'firstName', 'first name', 100),
    ...validateText(input.lastName, 'lastName', 'last name', 100),
    ...validatePassword(input.password),
  ];
}
