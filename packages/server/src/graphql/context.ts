import type { UserRow } from '../accounts/sessions.js';
import { AppError, ErrorCode } from '../errors.js';
import type { Services } from '../services.js';
import type { Loaders } from './loaders.js';

/** What a resolver knows of the request. */
export interface Context extends Services {
  loaders: Loaders;
  /** The signed-in user (session cookie or API token), or null. */
  viewer: UserRow | null;
  /** The session cookie's secret when the request came with one. */
  sessionSecret: string | undefined;
  clientAddress: string;
  /** Sets or clears the session cookie on the response. */
  setSessionCookie(secret: string | null): void;
}

/** [filer] fields: any signed-in account. */
export function requireUser(context: Context): UserRow {
  if (!context.viewer) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in to do this.');
  return context.viewer;
}

/** [analyst] fields (SPEC ACC-7). */
export function requireAnalyst(context: Context): UserRow {
  const user = requireUser(context);
  if (user.role !== 'ANALYST') throw new AppError(ErrorCode.FORBIDDEN, 'Only Commerce analysts may do this.');
  return user;
}
