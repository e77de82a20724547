import { tables } from '@aim/db';
import { eq } from 'drizzle-orm';
import { provisionAnalyst } from './accounts/analyst.js';
import { hashPassword } from './accounts/passwords.js';
import { updateProfile } from './accounts/profile.js';
import { loadDemoLicenses } from './demo-licenses.js';
import type { Services } from './services.js';

/** Accounts for trying AIM out (`pnpm start`); the README lists them. Never used in production. */
export const DEMO_ACCOUNTS = {
  filer: { email: 'filer@demo.aim.test', password: 'Demo-filer-2026' },
  analyst: { email: 'analyst@demo.aim.test', password: 'Demo-analyst-2026' },
} as const;

export async function loadDemoData(services: Services): Promise<void> {
  const analyst = await provisionAnalyst(services, DEMO_ACCOUNTS.analyst);
  const { email, password } = DEMO_ACCOUNTS.filer;
  const [existing] = await services.db.select().from(tables.users).where(eq(tables.users.email, email));
  if (!existing) {
    const [filer] = await services.db
      .insert(tables.users)
      .values({ email, passwordHash: await hashPassword(password), displayName: 'Dana at Great Lakes Metals', firstName: 'Dana', lastName: 'Rivera' })
      .returning();
    if (!filer) throw new Error('demo filer was not created');
    const withProfile = await updateProfile(services, filer, {
      ein: '38-2745619',
      companyName: 'Great Lakes Metals Trading LLC',
      companyType: 'IMPORTER',
      street: '1200 Atwater Street',
      city: 'Detroit',
      state: 'MI',
      zip: '48207',
      phone: '313-555-0142',
      alternateEmail: 'imports@demo.aim.test',
    });
    await loadDemoLicenses(services, withProfile, analyst);
  }
  console.info(`[start] demo accounts: ${DEMO_ACCOUNTS.filer.email} / ${DEMO_ACCOUNTS.filer.password}, ${DEMO_ACCOUNTS.analyst.email} / ${DEMO_ACCOUNTS.analyst.password}`);
}
