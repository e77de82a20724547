import { type ProfileInput, normalizeProfile, validateProfile } from '@aim/domain';
import { tables } from '@aim/db';
import { eq } from 'drizzle-orm';
import { assertValid } from '../errors.js';
import type { Services } from '../services.js';
import type { UserRow } from './sessions.js';

/** ACC-3: creates or updates the filer's company profile, and the alternate email (ACC-5). */
export async function updateProfile(services: Services, user: UserRow, input: ProfileInput): Promise<UserRow> {
  assertValid(validateProfile(input, user.email));
  const profile = normalizeProfile(input);
  const company = {
    ein: profile.ein,
    name: profile.companyName,
    type: profile.companyType,
    street: profile.street,
    city: profile.city,
    state: profile.state,
    zip: profile.zip,
    phone: profile.phone,
    fax: profile.fax ?? null,
    branchName: profile.branchName ?? null,
    branchAddress: profile.branchAddress ?? null,
    updatedAt: services.clock(),
  };
  return services.db.transaction(async (tx) => {
    // The user's row is locked and its company read here, not taken from the request's user:
    // concurrent first saves then wait for each other, and only the first makes a company.
    const [current] = await tx
      .select({ companyId: tables.users.companyId })
      .from(tables.users)
      .where(eq(tables.users.id, user.id))
      .for('update');
    if (!current) throw new Error(`user ${user.id} vanished while updating the profile`);
    let companyId = current.companyId;
    if (companyId) {
      await tx.update(tables.companies).set(company).where(eq(tables.companies.id, companyId));
    } else {
      const [created] = await tx.insert(tables.companies).values(company).returning({ id: tables.companies.id });
      companyId = created?.id ?? null;
    }
    const [updated] = await tx
      .update(tables.users)
      .set({ companyId, alternateEmail: profile.alternateEmail ?? null, updatedAt: services.clock() })
      .where(eq(tables.users.id, user.id))
      .returning();
    if (!updated) throw new Error(`user ${user.id} vanished while updating the profile`);
    return updated;
  });
}
