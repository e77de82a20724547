import type { FieldError } from '@aim/domain';

/**
 * The error codes of the public contract (contract.graphql), each raised by one kind of failure.
 * Mapped to GraphQL `extensions.code` in graphql/format-error.ts and to HTTP statuses in http/.
 */
export const ErrorCode = {
  /** Input fails a rule: `fieldErrors` name the fields (SPEC X-1). */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** No session or token, or a wrong email/password at sign-in. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Signed in, but the role does not allow it (SPEC ACC-7). */
  FORBIDDEN: 'FORBIDDEN',
  /** The thing does not exist, or belongs to another company (SPEC X-2). */
  NOT_FOUND: 'NOT_FOUND',
  /** Rate limits and account locks (SPEC ACC-4). */
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  /** A contract operation whose feature has not been released yet. */
  NOT_IMPLEMENTED: 'NOT_IMPLEMENTED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The one error type the use cases throw; anything else reaches clients as INTERNAL_SERVER_ERROR. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Throws BAD_USER_INPUT when a validation found anything, so callers read as `assertValid(validateX(input))`. */
export function assertValid(errors: FieldError[]): void {
  if (errors.length > 0) throw invalidInput(errors);
}

export function invalidInput(errors: FieldError[]): AppError {
  const message = errors.length === 1 ? (errors[0]?.message ?? 'Check the input.') : `Check ${errors.length} fields.`;
  return new AppError(ErrorCode.BAD_USER_INPUT, message, errors);
}
