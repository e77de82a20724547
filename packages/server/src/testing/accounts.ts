import { tables } from '@aim/db';
import { SESSION_COOKIE, createSession, type UserRow } from '../accounts/sessions.js';
import type { TestClient, TestServer } from './test-server.js';

let userNumber = 0;

/** A valid company profile (ACC-3), as `updateProfile` takes it. */
export const TEST_PROFILE = {
  ein: '38-2745619',
  companyName: 'Great Lakes Metals Trading LLC',
  companyType: 'IMPORTER',
  street: '1200 Atwater Street',
  city: 'Detroit',
  state: 'MI',
  zip: '48207',
  phone: '313-555-0142',
} as const;

const { companyName, companyType, ...address } = TEST_PROFILE;
const TEST_COMPANY = { ...address, name: companyName, type: companyType };

/**
 * A signed-in account made straight in the database (no sign-up round trip, no argon2 hash):
 * a filer with a company profile unless told otherwise, or an analyst.
 */
export async function signedInUser(
  aim: TestServer,
  options: { role?: 'FILER' | 'ANALYST'; company?: boolean; alternateEmail?: string } = {},
): Promise<{ user: UserRow; client: TestClient }> {
  const number = ++userNumber;
  const withCompany = options.company ?? options.role !== 'ANALYST';
  const [company] = withCompany ? await aim.db.insert(tables.companies).values({ ...TEST_COMPANY, name: `${TEST_COMPANY.name} ${number}` }).returning() : [];
  const [user] = await aim.db
    .insert(tables.users)
    .values({
      email: `user${number}-${Math.random().toString(36).slice(2, 8)}@example.com`,
      alternateEmail: options.alternateEmail ?? null,
      displayName: `User ${number}`,
      firstName: 'Pat',
      lastName: `Lee ${number}`,
      passwordHash: 'not a usable hash',
      role: options.role ?? 'FILER',
      companyId: company?.id ?? null,
    })
    .returning();
  if (!user) throw new Error('insert returned no user');
  const client = aim.client();
  client.cookies.set(SESSION_COOKIE, await createSession(aim.services, user.id));
  return { user, client };
}
