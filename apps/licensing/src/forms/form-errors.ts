import { type FieldError, accountPolicy } from '@aim/domain';
import type { CombinedError } from '@urql/vue';

/** The codes the API puts in `extensions.code` (contract.graphql). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR';

/** What a form shows after a failed check or a failed request. */
export interface FormErrors {
  /** Beside each field, keyed by its path from the operation's input (`ein`, `newPassword`). */
  readonly fields: Readonly<Record<string, string>>;
  /** About the form as a whole: rate limits, lost connection, server faults. */
  readonly form: readonly string[];
}

/**
 * A form's own wording for an error code, replacing the server's message and any field errors.
 * Sign-in uses it to say one thing for every failure, so it never reveals whether an account exists.
 */
export type ErrorWording = Partial<Record<ErrorCode, string>>;

export const noErrors: FormErrors = { fields: {}, form: [] };

export const defaultMessages = {
  TOO_MANY_REQUESTS: `Too many attempts. Wait ${accountPolicy.lockMinutes} minutes and try again.`,
  UNAUTHENTICATED: 'Your session has ended. Sign in again.',
  FORBIDDEN: 'Your account cannot do this.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Try again in a few minutes.',
  network: 'We could not reach AIM. Check your connection and try again.',
} as const;

export function hasErrors(errors: FormErrors): boolean {
  return errors.form.length > 0 || Object.keys(errors.fields).length > 0;
}

/** The first message for each path, in the order the rules reported them (the form's order). */
export function fromFieldErrors(list: readonly FieldError[]): FormErrors {
  const fields: Record<string, string> = {};
  for (const { path, message } of list) fields[path] ??= message;
  return { fields, form: [] };
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).path === 'string' &&
    typeof (value as Record<string, unknown>).message === 'string'
  );
}

function fieldErrorsOf(extensions: Record<string, unknown>): FieldError[] {
  const list = extensions.fieldErrors;
  return Array.isArray(list) ? list.filter(isFieldError) : [];
}

/** Turns a failed operation into messages, following the API's error codes. */
export function fromOperationError(error: CombinedError, wording: ErrorWording = {}): FormErrors {
  if (error.networkError) return { fields: {}, form: [defaultMessages.network] };
  const fields: Record<string, string> = {};
  const form = new Set<string>();
  for (const graphQLError of error.graphQLErrors) {
    const code = graphQLError.extensions.code;
    const worded = typeof code === 'string' ? wording[code as ErrorCode] : undefined;
    if (worded) {
      form.add(worded);
      continue;
    }
    switch (code) {
      case 'BAD_USER_INPUT': {
        const fieldErrors = fieldErrorsOf(graphQLError.extensions);
        if (fieldErrors.length === 0) form.add(graphQLError.message);
        for (const { path, message } of fieldErrors) fields[path] ??= message;
        break;
      }
      case 'NOT_FOUND':
        form.add(graphQLError.message);
        break;
      case 'TOO_MANY_REQUESTS':
      case 'UNAUTHENTICATED':
      case 'FORBIDDEN':
        form.add(defaultMessages[code]);
        break;
      default:
        // INTERNAL_SERVER_ERROR and anything unforeseen: the server's text is not meant for people.
        form.add(defaultMessages.INTERNAL_SERVER_ERROR);
    }
  }
  return { fields, form: [...form] };
}

/** Every message in one list, for a one-line status where no field is shown. */
export function allMessages(errors: FormErrors): string[] {
  return [...errors.form, ...Object.values(errors.fields)];
}
