import { describe, expect, it } from 'vitest';
import { validatePassword } from './password.js';

describe('ACC-2 password rule', () => {
  it('accepts 8–64 characters with three of four character classes', () => {
    expect(validatePassword('abcdEF12')).toEqual([]);
    expect(validatePassword('abcdefg1!')).toEqual([]);
    expect(validatePassword('ABCDEFG1!')).toEqual([]);
    expect(validatePassword(`Aa1${'x'.repeat(61)}`)).toEqual([]);
  });

  it('rejects passwords shorter than 8 or longer than 64 characters, naming the field', () => {
    expect(validatePassword('Ab1!xyz')).toEqual([{ path: 'password', message: expect.stringContaining('8 to 64') }]);
    expect(validatePassword(`Aa1${'x'.repeat(62)}`)[0]?.path).toBe('password');
  });

  it('rejects passwords with fewer than three character classes', () => {
    expect(validatePassword('abcdefgh12')).toHaveLength(1);
    expect(validatePassword('ABCDEFGH!!')).toHaveLength(1);
    expect(validatePassword('abcdefghij')).toHaveLength(1);
  });

  it('reports under the path it is given', () => {
    expect(validatePassword('short', 'newPassword')[0]?.path).toBe('newPassword');
  });
});
