import type { Validation } from '../field-error.js';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

const characterClasses: ReadonlyArray<RegExp> = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u];

/** Plain-language statement of the rule, shown beside password fields. */
export const PASSWORD_RULE =
  'Use 8 to 64 characters with at least 3 of these: a lowercase letter, an uppercase letter, a number, a symbol.';

/** SPEC ACC-2: 8–64 characters with at least 3 of lowercase, uppercase, digit, symbol. */
export function validatePassword(password: string, path = 'password'): Validation {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    return [{ path, message: `The password has ${length} characters. ${PASSWORD_RULE}` }];
  }
  const classes = characterClasses.filter((pattern) => pattern.test(password)).length;
  if (classes < 3) {
    return [{ path, message: `The password is too easy to guess. ${PASSWORD_RULE}` }];
  }
  return [];
}
