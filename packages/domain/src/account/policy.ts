/** Account limits from SPEC ACC-1 and ACC-4, in one place for the server and the apps' messages. */
export const accountPolicy = {
  /** ACC-1: a verification code lives 10 minutes. */
  codeTtlMinutes: 10,
  /** ACC-1: five wrong tries spend a code. */
  codeMaxAttempts: 5,
  /** ACC-4: ten failed sign-ins lock the account… */
  signInFailuresBeforeLock: 10,
  /** …for fifteen minutes. */
  lockMinutes: 15,
  /** ACC-4: a client address may make at least this many sign-ups, code requests or sign-ins… */
  requestsPerClientWindow: 30,
  /** …per window of this many minutes before it is slowed. */
  clientWindowMinutes: 15,
  /** ACC-4: codes one email may be sent per window: enough for typos, too few to flood a mailbox. */
  codeRequestsPerEmail: 5,
  /** Sessions end after two weeks without renewal. */
  sessionDays: 14,
} as const;
