import type { FieldError } from '@aim/domain';

/** The path of the "type it again" field next to a new password at `path`. */
export function confirmationPath(path: string): string {
  return `${path}Confirmation`;
}

/** A client-only check: a mistyped new password would lock its owner out. */
export function validateConfirmation(password: string, confirmation: string, path: string): FieldError[] {
  return password === confirmation
    ? []
    : [{ path: confirmationPath(path), message: 'The passwords do not match. Type the same password twice.' }];
}
