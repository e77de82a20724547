import { tables } from '@aim/db';
import { eq } from 'drizzle-orm';
import type { Services } from '../services.js';
import type { UserRow } from './sessions.js';

export async function findUserByEmail({ db }: Pick<Services, 'db'>, email: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(tables.users).where(eq(tables.users.email, email));
  return user;
}
