import { accountPolicy } from '@aim/domain';
import { tables } from '@aim/db';
import { testEngines } from '@aim/db/testing';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, type TestClient, type TestServer, fieldErrorPaths, startTestServer } from '../testing/test-server.js';
import { SESSION_COOKIE, createSession } from './sessions.js';
import type { CodePurpose } from './verification-codes.js';
import { TEST_PROFILE } from '../testing/accounts.js';

// Security issue #10: races on PostgreSQL and API tokens that outlived a password change.

const PASSWORD = 'Aluminum-ingot-7';
const NEW_PASSWORD = 'New-password-42';

const REQUEST_CODE = 'mutation ($email: String!) { requestSignUpCode(email: $email) }';
const SIGN_UP = 'mutation ($input: SignUpInput!) { signUp(input: $input) { user { email } } }';
const SIGN_IN = 'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { user { email } } }';
const REQUEST_RESET = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
const RESET =
  'mutation ($email: String!, $code: String!, $newPassword: String!) { resetPassword(email: $email, code: $code, newPassword: $newPassword) { user { email } } }';
const CHANGE =
  'mutation ($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }';
const CREATE_TOKEN = 'mutation ($name: String!) { createApiToken(name: $name) { secret } }';
const API_TOKENS = '{ apiTokens { id } }';
const ME = '{ me { email } }';
const UPDATE_PROFILE = 'mutation ($input: ProfileInput!) { updateProfile(input: $input) { company { name } } }';

const profile = TEST_PROFILE;

const CONCURRENT_TRIES = 100;

let emailNumber = 0;
const newEmail = () => `secure${++emailNumber}@example.com`;

/** The text of the newest mail to `address`. */
const latestMailText = (aim: TestServer, address: string) => aim.smtp.mailsTo(address).at(-1)?.text ?? '';

/** A 6-digit code other than `code`, different for each `n` below a million. */
const otherCode = (code: string, n: number) => String((Number(code) + 1 + n) % 1_000_000).padStart(6, '0');

describe.each(testEngines())('security issue #10 on %s', (engine) => {
  let aim: TestServer;
  beforeAll(async () => {
    aim = await startTestServer(engine);
  });
  afterAll(() => aim?.close());

  async function signUp(client: TestClient, email = newEmail()) {
    await client.gql(REQUEST_CODE, { email });
    await aim.deliverOutbox();
    const response = await client.gql(SIGN_UP, {
      input: { email, code: aim.smtp.latestCode(email), displayName: 'Pat at GLM', firstName: 'Pat', lastName: 'Lee', password: PASSWORD },
    });
    expect(response.errors).toBeUndefined();
    return email;
  }

  async function failedAttempts(email: string, purpose: CodePurpose) {
    const rows = await aim.db
      .select({ failedAttempts: tables.verificationCodes.failedAttempts })
      .from(tables.verificationCodes)
      .where(and(eq(tables.verificationCodes.email, email), eq(tables.verificationCodes.purpose, purpose)));
    return rows[0]?.failedAttempts;
  }

  /**
   * 100 wrong codes at once, each from its own client (its own address, so no rate limit
   * interferes); the right code joins the burst as soon as 5 wrong answers are back, while the
   * rest are still in flight, and is sent once more after the burst.
   */
  async function burstOfWrongCodes(code: string, send: (client: TestClient, code: string) => Promise<GraphQLResponse>) {
    let answered = 0;
    let enoughAnswered!: () => void;
    const fiveAnswered = new Promise<void>((resolve) => {
      enoughAnswered = resolve;
    });
    const wrong = Array.from({ length: CONCURRENT_TRIES }, (_, n) =>
      send(aim.client(), otherCode(code, n)).then((response) => {
        if (++answered === accountPolicy.codeMaxAttempts) enoughAnswered();
        return response;
      }),
    );
    const rightDuring = fiveAnswered.then(() => send(aim.client(), code));
    const wrongAnswers = await Promise.all(wrong);
    const during = await rightDuring;
    const after = await send(aim.client(), code);
    return { wrongAnswers, during, after };
  }

  describe('#10.2 the code attempt limit holds under concurrent tries', () => {
    it(`#10.2 ACC-1 counts ${CONCURRENT_TRIES} concurrent wrong sign-up codes atomically: exactly 5 count, and the right code sent during and after the burst creates no account`, async () => {
      const email = newEmail();
      await aim.client().gql(REQUEST_CODE, { email });
      await aim.deliverOutbox();
      const code = aim.smtp.latestCode(email);
      const input = { email, displayName: 'P', firstName: 'P', lastName: 'L', password: PASSWORD };

      const { wrongAnswers, during, after } = await burstOfWrongCodes(code, (client, tried) =>
        client.gql(SIGN_UP, { input: { ...input, code: tried } }),
      );

      for (const answer of wrongAnswers) expect(fieldErrorPaths(answer)).toEqual(['code']);
      expect(await failedAttempts(email, 'SIGN_UP')).toBe(accountPolicy.codeMaxAttempts);
      for (const answer of [during, after]) {
        expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(fieldErrorPaths(answer)).toEqual(['code']);
      }
      expect(await aim.db.select().from(tables.users).where(eq(tables.users.email, email))).toEqual([]);
    });

    it(`#10.2 ACC-4 counts ${CONCURRENT_TRIES} concurrent wrong reset codes atomically: exactly 5 count, and the right code sent during and after the burst leaves the password unchanged`, async () => {
      const email = await signUp(aim.client());
      await aim.client().gql(REQUEST_RESET, { email });
      await aim.deliverOutbox();
      const code = aim.smtp.latestCode(email);

      const { wrongAnswers, during, after } = await burstOfWrongCodes(code, (client, tried) =>
        client.gql(RESET, { email, code: tried, newPassword: NEW_PASSWORD }),
      );

      for (const answer of wrongAnswers) expect(fieldErrorPaths(answer)).toEqual(['code']);
      expect(await failedAttempts(email, 'PASSWORD_RESET')).toBe(accountPolicy.codeMaxAttempts);
      for (const answer of [during, after]) {
        expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(fieldErrorPaths(answer)).toEqual(['code']);
      }
      expect((await aim.client().gql(SIGN_IN, { email, password: PASSWORD })).data).toEqual({ signIn: { user: { email } } });
      expect((await aim.client().gql(SIGN_IN, { email, password: NEW_PASSWORD })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('#10.7 API tokens end with the password', () => {
    async function newToken(owner: TestClient, name: string) {
      const created = await owner.gql<{ createApiToken: { secret: string } }>(CREATE_TOKEN, { name });
      expect(created.errors).toBeUndefined();
      return aim.client({ token: created.data?.createApiToken.secret ?? '' });
    }

    it('#10.7 ACC-7 revokes every API token of the user when the password is changed, and says so in the notice', async () => {
      const owner = aim.client();
      const email = await signUp(owner);
      const programs = [await newToken(owner, 'Broker software'), await newToken(owner, 'Nightly sync')];
      const bystander = aim.client();
      const bystanderEmail = await signUp(bystander);
      const bystanderProgram = await newToken(bystander, 'Other filer’s sync');
      for (const program of programs) expect((await program.gql(ME)).data).toEqual({ me: { email } });

      expect(await owner.gql(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).toMatchObject({
        data: { changePassword: true },
      });
      await aim.deliverOutbox();

      // A revoked token is no viewer at all: `me` answers null, as for the public.
      for (const program of programs) expect((await program.gql(ME)).data).toEqual({ me: null });
      expect((await owner.gql(API_TOKENS)).data).toEqual({ apiTokens: [] });
      expect(latestMailText(aim, email)).toMatch(/every API token of your account was revoked/);
      // Other users' tokens are untouched, and the owner can make a new one.
      expect((await bystanderProgram.gql(ME)).data).toEqual({ me: { email: bystanderEmail } });
      expect((await (await newToken(owner, 'New sync')).gql(ME)).data).toEqual({ me: { email } });
    });

    it('#10.7 ACC-4 ACC-7 revokes every API token of the user when the password is reset by emailed code', async () => {
      const owner = aim.client();
      const email = await signUp(owner);
      const program = await newToken(owner, 'Broker software');
      expect((await program.gql(ME)).data).toEqual({ me: { email } });

      const recovering = aim.client();
      await recovering.gql(REQUEST_RESET, { email });
      await aim.deliverOutbox();
      const reset = await recovering.gql(RESET, { email, code: aim.smtp.latestCode(email), newPassword: NEW_PASSWORD });
      expect(reset).toMatchObject({ data: { resetPassword: { user: { email } } } });
      expect(reset.errors).toBeUndefined();

      expect((await program.gql(ME)).data).toEqual({ me: null });
      expect((await recovering.gql(API_TOKENS)).data).toEqual({ apiTokens: [] });
      const [user] = await aim.db.select().from(tables.users).where(eq(tables.users.email, email));
      const stored = await aim.db.select().from(tables.apiTokens).where(eq(tables.apiTokens.userId, user?.id ?? ''));
      expect(stored.map((token) => token.revoked)).toEqual([true]);
      await aim.deliverOutbox();
      expect(latestMailText(aim, email)).toMatch(/every API token of your account was revoked/);
    });
  });

  describe('#10.8 the first profile save is idempotent', () => {
    it('#10.8 ACC-3 makes exactly one company per user when 50 users each send 3 first-time profile saves at once', async () => {
      const companiesBefore = (await aim.db.select({ n: count() }).from(tables.companies))[0]?.n ?? 0;
      // Users and sessions straight in the database: 50 sign-ups would spend 50 argon2 hashes.
      const users = await aim.db
        .insert(tables.users)
        .values(
          Array.from({ length: 50 }, (_, n) => ({
            email: `profile${n}-${engine}@example.com`,
            displayName: `Filer ${n}`,
            firstName: 'Pat',
            lastName: 'Lee',
            passwordHash: 'not a usable hash',
          })),
        )
        .returning();
      const filers = await Promise.all(
        users.map(async (user) => {
          const client = aim.client();
          client.cookies.set(SESSION_COOKIE, await createSession(aim.services, user.id));
          return { user, client };
        }),
      );

      const answers = await Promise.all(
        filers.flatMap(({ user, client }) =>
          ['A', 'B', 'C'].map((save) => client.gql(UPDATE_PROFILE, { input: { ...profile, companyName: `${user.displayName} ${save} LLC` } })),
        ),
      );
      for (const answer of answers) expect(answer.errors).toBeUndefined();

      expect((await aim.db.select({ n: count() }).from(tables.companies))[0]?.n).toBe(companiesBefore + 50);
      const saved = await aim.db
        .select({ userId: tables.users.id, companyId: tables.users.companyId, companyName: tables.companies.name })
        .from(tables.users)
        .leftJoin(tables.companies, eq(tables.companies.id, tables.users.companyId))
        .where(inArray(tables.users.id, users.map((user) => user.id)));
      expect(saved).toHaveLength(50);
      expect(new Set(saved.map((row) => row.companyId)).size).toBe(50);
      for (const { user, client } of filers) {
        const row = saved.find((each) => each.userId === user.id);
        expect(row?.companyId).toEqual(expect.any(String));
        expect(row?.companyName).toMatch(new RegExp(`^${user.displayName} [ABC] LLC$`));
        const me = await client.gql<{ me: { company: { name: string } } }>('{ me { company { name } } }');
        expect(me.data?.me.company.name).toBe(row?.companyName);
      }
    });
  });
});
