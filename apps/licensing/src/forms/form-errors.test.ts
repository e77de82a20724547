import { CombinedError } from '@urql/vue';
import { describe, expect, it } from 'vitest';
import { fromFieldErrors, fromOperationError, hasErrors, noErrors } from './form-errors';

function graphQLError(code: string, message: string, extensions: Record<string, unknown> = {}) {
  return new CombinedError({ graphQLErrors: [{ message, extensions: { code, ...extensions } }] });
}

describe('Form errors', () => {
  it('X-1 puts each BAD_USER_INPUT field error under its path, the first message per field', () => {
    const error = graphQLError('BAD_USER_INPUT', 'Invalid input', {
      fieldErrors: [
        { path: 'ein', message: 'Enter the EIN as ##-#######.' },
        { path: 'zip', message: 'Enter the ZIP code as ##### or #####-####.' },
        { path: 'ein', message: 'A second complaint' },
      ],
    });

    expect(fromOperationError(error)).toEqual({
      fields: { ein: 'Enter the EIN as ##-#######.', zip: 'Enter the ZIP code as ##### or #####-####.' },
      form: [],
    });
  });

  it('ACC-4 words TOO_MANY_REQUESTS plainly, with the wait', () => {
    expect(fromOperationError(graphQLError('TOO_MANY_REQUESTS', 'rate limited')).form).toEqual([
      'Too many attempts. Wait 15 minutes and try again.',
    ]);
  });

  it('keeps server faults and lost connections out of sight behind plain messages', () => {
    expect(fromOperationError(graphQLError('INTERNAL_SERVER_ERROR', 'relation "users" does not exist')).form).toEqual([
      'Something went wrong on our side. Try again in a few minutes.',
    ]);
    expect(fromOperationError(new CombinedError({ networkError: new TypeError('Failed to fetch') })).form).toEqual([
      'We could not reach AIM. Check your connection and try again.',
    ]);
  });

  it('lets a form replace a code’s message and field errors with its own words', () => {
    const error = graphQLError('BAD_USER_INPUT', 'Invalid', { fieldErrors: [{ path: 'email', message: 'No such account' }] });

    expect(fromOperationError(error, { BAD_USER_INPUT: 'Email or password is incorrect.' })).toEqual({
      fields: {},
      form: ['Email or password is incorrect.'],
    });
  });

  it('turns the shared validators’ results into field messages', () => {
    expect(hasErrors(noErrors)).toBe(false);
    expect(fromFieldErrors([{ path: 'code', message: 'Enter the 6-digit code.' }])).toEqual({
      fields: { code: 'Enter the 6-digit code.' },
      form: [],
    });
  });
});
