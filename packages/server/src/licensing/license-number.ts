import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const LICENSE_NUMBER_LENGTH = 9;

/**
 * LIC-8: 9 upper-case letters and digits from the system's CSPRNG (36^9 ≈ 10^14 numbers), so
 * no number tells another; uniqueness is the database's constraint, and a collision draws again.
 */
export function newLicenseNumber(): string {
  let number = '';
  for (let index = 0; index < LICENSE_NUMBER_LENGTH; index++) number += ALPHABET[randomInt(ALPHABET.length)];
  return number;
}

/** What a filer may type for a number: spaces and case do not matter. */
export function normalizeLicenseNumber(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}
