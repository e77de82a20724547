import { describe, expect, it } from 'vitest';
import { normalizeEmail, validateEmail } from './email.js';
import { validateSignUp } from './sign-up.js';

describe('ACC-1 sign-up input', () => {
  const input = {
    email: 'filer@example.com',
    code: '123456',
    displayName: 'Pat at GLM',
    firstName: 'Pat',
    lastName: 'Lee',
    password: 'Correct-horse-9',
  };

  it('accepts a complete sign-up', () => {
    expect(validateSignUp(input)).toEqual([]);
  });

  it('names every failing field', () => {
    const errors = validateSignUp({ ...input, email: 'x', code: '12345', firstName: ' ', password: 'weak' });
    expect(errors.map((error) => error.path)).toEqual(['email', 'code', 'firstName', 'password']);
  });

  it('treats the email as the username, without case or spaces', () => {
    expect(normalizeEmail('  Filer@Example.COM ')).toBe('filer@example.com');
    expect(validateEmail('filer@example')).toHaveLength(1);
    expect(validateEmail('')).toEqual([{ path: 'email', message: 'Enter an email address.' }]);
  });
});
