import { parse as parseCookies } from 'cookie';
import type { Request } from 'express';
import { findTokenUser } from '../accounts/api-tokens.js';
import { SESSION_COOKIE, findSessionUser, type UserRow } from '../accounts/sessions.js';
import type { Services } from '../services.js';

/** The session cookie's secret, if the request carries one. */
export function sessionSecretOf(req: Request): string | undefined {
  return parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
}

/** Who is asking: the API token's owner (`Authorization: Bearer`), else the session's, else nobody. */
export async function viewerOf(services: Services, req: Request): Promise<UserRow | undefined> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) return findTokenUser(services, bearer);
  const sessionSecret = sessionSecretOf(req);
  return sessionSecret ? findSessionUser(services, sessionSecret) : undefined;
}
