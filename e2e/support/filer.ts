import type { APIRequestContext } from '@playwright/test';
import { type Aim, expect } from './aim.js';

/** A GraphQL call in the browser context's session (its cookies), failing the test on any error. */
export async function gql(request: APIRequestContext, origin: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await request.post(`${origin}/graphql`, { data: { query, variables } });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors, query).toBeUndefined();
  return body.data;
}

/** A filer signed up and signed in through the API in `request`'s session, with a company profile. */
export async function signUpFiler(request: APIRequestContext, aim: Aim, name: string): Promise<string> {
  const email = `${name}-${Date.now()}@example.com`;
  await gql(request, aim.origin, 'mutation ($email: String!) { requestSignUpCode(email: $email) }', { email });
  const code = await aim.latestCode(email);
  await gql(request, aim.origin, 'mutation ($input: SignUpInput!) { signUp(input: $input) { user { id } } }', {
    input: { email, code, displayName: 'Pat at GLM', firstName: 'Pat', lastName: 'Lee', password: 'Rolled-sheet-2026' },
  });
  await gql(request, aim.origin, 'mutation ($input: ProfileInput!) { updateProfile(input: $input) { id } }', {
    input: {
      ein: '38-2745619',
      companyName: 'Great Lakes Metals Trading LLC',
      companyType: 'IMPORTER',
      street: '1200 Atwater Street',
      city: 'Detroit',
      state: 'MI',
      zip: '48207',
      phone: '313-555-0142',
    },
  });
  return email;
}

/** A U.S. Eastern calendar date `days` from today, as the license rules count. */
export const easternDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date(Date.now() + days * 86_400_000));

/** A one-product aluminum license from Canada, as `submitLicense` takes it; the customs value decides whether LIC-11 flags it. */
export function standardApplication(customsValueUsd = 65_280) {
  return {
    importerName: 'Great Lakes Metals Trading LLC',
    exporterName: 'Alouette Aluminium Inc.',
    manufacturerNames: ['Alouette Aluminium Inc.'],
    countryOfOrigin: 'CA',
    countryOfExportation: 'CA',
    portOfEntry: '3801',
    expectedExportDate: easternDay(5),
    expectedImportDate: easternDay(10),
    products: [
      {
        htsCode: '7601.10.3000',
        largestSmelt: { answer: 'COUNTRY', country: 'CA' },
        secondSmelt: { answer: 'NOT_APPLICABLE' },
        mostRecentCast: 'CA',
        volumeKg: 24_000,
        customsValueUsd,
      },
    ],
  };
}
