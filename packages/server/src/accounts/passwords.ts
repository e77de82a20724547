import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { logUnexpected } from '../log-error.js';

// The package's `Algorithm.Argon2id`, a const enum that isolated modules cannot read.
const ARGON2ID = 2 as Algorithm;

/** SPEC ACC-2: passwords are stored only as an argon2id hash. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

// Verified against when the email has no account, so a wrong email takes as long as a wrong password.
const decoyHash = hashPassword('decoy password that matches nothing');

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    await verify(await decoyHash, password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch (error) {
    // A stored hash argon2 cannot read (an account made outside AIM, a damaged row) matches no password.
    logUnexpected('passwords', error);
    return false;
  }
}
