import { describe, expect, it } from 'vitest';
import { normalizeEntryNumber, validateEntryNumber } from './entry-number.js';

describe('LIC-1 customs entry number', () => {
  it('LIC-1 normalizes as written on the 7501: dashes and spaces out, letters upper-case', () => {
    expect(normalizeEntryNumber('abc-1234567-8')).toBe('ABC12345678');
    expect(normalizeEntryNumber(' AB1 1234567 8 ')).toBe('AB112345678');
    expect(normalizeEntryNumber('ABC\u20131234567\u20138')).toBe('ABC12345678'); // en dashes from a word processor
  });

  it('LIC-1 accepts a 3-character filer code of letters or digits, 7 digits and a check digit', () => {
    for (const number of ['ABC-1234567-8', 'abc12345678', 'A1B-0000001-5', '123-9876543-2', 'Z99 1234567 0']) {
      expect(validateEntryNumber(number)).toEqual([]);
    }
  });

  it('LIC-1 the field is optional: blank is valid', () => {
    expect(validateEntryNumber('')).toEqual([]);
    expect(validateEntryNumber(' - ')).toEqual([]);
  });

  it('LIC-1 says what is wrong with a malformed number, under the path it is given', () => {
    expect(validateEntryNumber('ABC-123456-8')).toEqual([
      {
        path: 'customsEntryNumber',
        message:
          'An entry number has 11 characters: the 3-character filer code, 7 digits and a check digit, like ABC-1234567-8. This one has 10.',
      },
    ]);
    expect(validateEntryNumber('ABC-12X4567-8', 'rows.4.entryNumber')[0]).toEqual({
      path: 'rows.4.entryNumber',
      message: 'After the 3-character filer code, an entry number has 8 digits (7 and the check digit), like ABC-1234567-8.',
    });
    expect(validateEntryNumber('ABC.1234567.8')[0]?.message).toMatch(/only letters and digits/);
    expect(validateEntryNumber('000-1234567-8')[0]?.message).toMatch(/No filer code is 000/);
  });

  it('LIC-1 checks the format only, not the check digit (the CBP formula could not be read at its source)', () => {
    for (let digit = 0; digit <= 9; digit++) expect(validateEntryNumber(`ABC-1234567-${digit}`)).toEqual([]);
  });
});
