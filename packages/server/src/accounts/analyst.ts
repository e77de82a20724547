import { normalizeEmail, validateEmail, validatePassword } from '@aim/domain';
import { tables } from '@aim/db';
import { assertValid } from '../errors.js';
import type { Services } from '../services.js';
import { hashPassword } from './passwords.js';
import type { UserRow } from './sessions.js';

/**
 * ACC-7: creates the analyst account, or makes an existing account an analyst with this password.
 * Run at start from AIM_ANALYST_EMAIL/AIM_ANALYST_PASSWORD and by `aim analyst`.
 */
export async function provisionAnalyst(
  { db, clock }: Pick<Services, 'db' | 'clock'>,
  input: { email: string; password: string },
): Promise<UserRow> {
  assertValid([...validateEmail(input.email), ...validatePassword(input.password)]);
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const [user] = await db
    .insert(tables.users)
    .values({ email, passwordHash, role: 'ANALYST', displayName: 'Commerce analyst', firstName: 'Commerce', lastName: 'Analyst' })
    .onConflictDoUpdate({ target: tables.users.email, set: { passwordHash, role: 'ANALYST', updatedAt: clock() } })
    .returning();
  if (!user) throw new Error('upsert returned no user');
  return user;
}
