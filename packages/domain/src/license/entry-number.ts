import type { FieldError } from '../field-error.js';

// The CBP entry number (LIC-1, optional): 11 characters, written XXX-NNNNNNN-N (19 CFR 142.3a(b)):
// a 3-character entry filer code assigned by CBP (letters and digits; all-digit codes run 001–999,
// ACE CATAIR Appendix E "Valid Entry Numbers"), a 7-digit number the filer assigns, and a check digit.
//
// Only the format is checked, not the check digit. 19 CFR 142.3a(b) says the digit is "computed from
// the first 10 characters based on a formula provided by Customs", and the CBP Form 7501 instructions
// (block 1) point to an appendix for it, but the text of that formula (CATAIR Appendix E) could not be
// read in any source available when this was written, nor a worked example from CBP to test against.
// A checksum guessed wrong would refuse real entry numbers, so the digit is left to ACE.

/** 'abc-1234567-8 ' → 'ABC12345678': the form the license stores and searches. */
export function normalizeEntryNumber(text: string): string {
  return text.replace(/[\s\-\u2010-\u2015]/g, '').toUpperCase();
}

const EXAMPLE = 'ABC-1234567-8';

/**
 * The entry number's format. Blank is valid: the field is optional, and a license applied for
 * before the entry is made has no number yet.
 */
export function validateEntryNumber(text: string, path = 'customsEntryNumber'): FieldError[] {
  const value = normalizeEntryNumber(text);
  if (value === '') return [];
  const fail = (message: string) => [{ path, message }];
  if (/[^A-Z0-9]/.test(value)) {
    return fail(`An entry number has only letters and digits (dashes and spaces aside), like ${EXAMPLE}.`);
  }
  if (value.length !== 11) {
    return fail(
      `An entry number has 11 characters: the 3-character filer code, 7 digits and a check digit, like ${EXAMPLE}. This one has ${value.length}.`,
    );
  }
  if (!/^\d{8}$/.test(value.slice(3))) {
    return fail(`After the 3-character filer code, an entry number has 8 digits (7 and the check digit), like ${EXAMPLE}.`);
  }
  if (value.startsWith('000')) {
    return fail('No filer code is 000. Check the first 3 characters of the entry number.');
  }
  return [];
}
