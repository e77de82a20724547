import { type ApplicantSnapshot, tables } from '@aim/db';
import { eq } from 'drizzle-orm';
import type { UserRow } from '../accounts/sessions.js';
import { AppError, ErrorCode } from '../errors.js';
import type { Services } from '../services.js';

export interface Applicant {
  companyId: string;
  applicant: ApplicantSnapshot;
  contactName: string;
  contactEmail: string;
}

/**
 * The applicant block of a new license, always from the current profile (LIC-1, LIC-10), which
 * ACC-3 requires before the first license.
 */
export async function applicantOf({ db }: Pick<Services, 'db'>, viewer: UserRow): Promise<Applicant> {
  const [company] = viewer.companyId ? await db.select().from(tables.companies).where(eq(tables.companies.id, viewer.companyId)) : [];
  if (!company) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Complete your company profile under My account before you apply for a license.');
  }
  return {
    companyId: company.id,
    applicant: {
      ein: company.ein,
      name: company.name,
      type: company.type,
      street: company.street,
      city: company.city,
      state: company.state,
      zip: company.zip,
      phone: company.phone,
      fax: company.fax,
      branchName: company.branchName,
      branchAddress: company.branchAddress,
    },
    contactName: `${viewer.firstName} ${viewer.lastName}`,
    contactEmail: viewer.email,
  };
}
