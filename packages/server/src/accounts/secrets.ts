import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A random secret for a cookie or API token; only its hash is stored. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A 6-digit code, uniformly drawn (ACC-1). */
export function newVerificationCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}
