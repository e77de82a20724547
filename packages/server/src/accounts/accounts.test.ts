import { type Database, tables } from '@aim/db';
import { testEngines } from '@aim/db/testing';
import { Table, count, eq, getTableName, inArray, is } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestClient, type TestServer, errorCode, fieldErrorPaths, startTestServer } from '../testing/test-server.js';
import { provisionAnalyst } from './analyst.js';
import { requestPasswordReset } from './password-change.js';
import { requestSignUpCode } from './sign-up.js';
import { TEST_PROFILE } from '../testing/accounts.js';

const PASSWORD = 'Aluminum-ingot-7';

const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { user { id email displayName role company { ein } } }
  }`;
const REQUEST_CODE = 'mutation ($email: String!) { requestSignUpCode(email: $email) }';
const SIGN_IN = 'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { user { email role } } }';
const ME = '{ me { email alternateEmail role company { ein name type state zip phone fax } } }';
const UPDATE_PROFILE = 'mutation ($input: ProfileInput!) { updateProfile(input: $input) { company { ein name } alternateEmail } }';

const profile = TEST_PROFILE;

let emailNumber = 0;
const newEmail = () => `filer${++emailNumber}@example.com`;

/** The database, recording each statement a use case starts through it: the method and its table. */
function recordingDatabase(db: Database): { db: Database; statements: string[] } {
  const statements: string[] = [];
  const recording = new Proxy(db, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        statements.push(is(args[0], Table) ? `${property} ${getTableName(args[0])}` : property);
        return Reflect.apply(value, target, args);
      };
    },
  });
  return { db: recording, statements };
}

describe.each(testEngines())('accounts on %s', (engine) => {
  let aim: TestServer;
  beforeAll(async () => {
    aim = await startTestServer(engine);
  });
  afterAll(() => aim?.close());

  const userCount = async () => (await aim.db.select({ n: count() }).from(tables.users))[0]?.n;

  async function signUp(client: TestClient, email = newEmail(), extra: Record<string, string> = {}) {
    await client.gql(REQUEST_CODE, { email });
    await aim.deliverOutbox();
    const code = aim.smtp.latestCode(email);
    const response = await client.gql(SIGN_UP, {
      input: { email, code, displayName: 'Pat at GLM', firstName: 'Pat', lastName: 'Lee', password: PASSWORD, ...extra },
    });
    return { email, code, response };
  }

  describe('ACC-1 sign-up by emailed code', () => {
    it('emails a 6-digit code, and the code with names and a password creates a signed-in filer', async () => {
      const client = aim.client();
      const { email, response } = await signUp(client);
      expect(response.errors).toBeUndefined();
      expect(response.data).toMatchObject({ signUp: { user: { email, role: 'FILER', company: null } } });
      const setCookie = response.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/aim_session=/);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      expect((await client.gql(ME)).data).toMatchObject({ me: { email, role: 'FILER' } });
    });

    it('marks the session cookie Secure behind a TLS-terminating proxy', async () => {
      const email = newEmail();
      const client = aim.client();
      await client.gql(REQUEST_CODE, { email });
      await aim.deliverOutbox();
      const response = await fetch(`${aim.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client.address, 'x-forwarded-proto': 'https' },
        body: JSON.stringify({
          query: SIGN_UP,
          variables: { input: { email, code: aim.smtp.latestCode(email), displayName: 'P', firstName: 'P', lastName: 'L', password: PASSWORD } },
        }),
      });
      expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
    });

    it('takes the email without case or spaces as the username', async () => {
      const client = aim.client();
      const email = newEmail();
      const { response } = await signUp(client, email, { email: `  ${email.toUpperCase()} ` });
      expect(response.data).toMatchObject({ signUp: { user: { email } } });
    });

    it('refuses a wrong code, names the field and writes nothing', async () => {
      const client = aim.client();
      const email = newEmail();
      await client.gql(REQUEST_CODE, { email });
      await aim.deliverOutbox();
      const before = await userCount();
      const wrong = aim.smtp.latestCode(email) === '000000' ? '000001' : '000000';
      const response = await client.gql(SIGN_UP, {
        input: { email, code: wrong, displayName: 'P', firstName: 'P', lastName: 'L', password: PASSWORD },
      });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(fieldErrorPaths(response)).toEqual(['code']);
      expect(await userCount()).toBe(before);
    });

    it('spends a code after 5 wrong tries', async () => {
      const client = aim.client();
      const email = newEmail();
      await client.gql(REQUEST_CODE, { email });
      await aim.deliverOutbox();
      const code = aim.smtp.latestCode(email);
      const wrong = code === '111111' ? '222222' : '111111';
      const input = { email, displayName: 'P', firstName: 'P', lastName: 'L', password: PASSWORD };
      for (let attempt = 0; attempt < 5; attempt++) await client.gql(SIGN_UP, { input: { ...input, code: wrong } });
      const response = await client.gql(SIGN_UP, { input: { ...input, code } });
      expect(fieldErrorPaths(response)).toEqual(['code']);
    });

    it('lets a code expire after 10 minutes', async () => {
      const client = aim.client();
      const email = newEmail();
      await client.gql(REQUEST_CODE, { email });
      await aim.deliverOutbox();
      const code = aim.smtp.latestCode(email);
      aim.advanceMinutes(10.1);
      const response = await client.gql(SIGN_UP, {
        input: { email, code, displayName: 'P', firstName: 'P', lastName: 'L', password: PASSWORD },
      });
      expect(fieldErrorPaths(response)).toEqual(['code']);
    });

    it('cancels the old code when a new one is sent', async () => {
      const client = aim.client();
      const email = newEmail();
      await client.gql(REQUEST_CODE, { email });
      await aim.deliverOutbox();
      const first = aim.smtp.latestCode(email);
      await client.gql(REQUEST_CODE, { email });
      await aim.deliverOutbox();
      const second = aim.smtp.latestCode(email);
      const input = { email, displayName: 'P', firstName: 'P', lastName: 'L', password: PASSWORD };
      if (first !== second) {
        expect(fieldErrorPaths(await client.gql(SIGN_UP, { input: { ...input, code: first } }))).toEqual(['code']);
      }
      expect((await client.gql(SIGN_UP, { input: { ...input, code: second } })).errors).toBeUndefined();
    });

    it('X-1 names every invalid field at once and does not spend the code', async () => {
      const client = aim.client();
      const email = newEmail();
      await client.gql(REQUEST_CODE, { email });
      await aim.deliverOutbox();
      const code = aim.smtp.latestCode(email);
      const response = await client.gql(SIGN_UP, {
        input: { email, code, displayName: ' ', firstName: 'Pat', lastName: '', password: 'weak' },
      });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(fieldErrorPaths(response)).toEqual(['displayName', 'lastName', 'password']);
      const retry = await client.gql(SIGN_UP, {
        input: { email, code, displayName: 'Pat', firstName: 'Pat', lastName: 'Lee', password: PASSWORD },
      });
      expect(retry.errors).toBeUndefined();
    });

    it('X-1 refuses a malformed email with a field error', async () => {
      const response = await aim.client().gql(REQUEST_CODE, { email: 'not an email' });
      expect(fieldErrorPaths(response)).toEqual(['email']);
    });
  });

  describe('ACC-2 passwords', () => {
    it('refuses a password without 3 kinds of characters, naming the field', async () => {
      const { response } = await signUp(aim.client(), newEmail(), { password: 'alllowercase' });
      expect(fieldErrorPaths(response)).toEqual(['password']);
    });

    it('stores only an argon2id hash', async () => {
      const { email } = await signUp(aim.client());
      const [user] = await aim.db.select().from(tables.users).where(eq(tables.users.email, email));
      expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(user?.passwordHash).not.toContain(PASSWORD);
    });
  });

  describe('ACC-3 company profile', () => {
    it('is null until completed, then fills the user’s company', async () => {
      const client = aim.client();
      await signUp(client);
      const response = await client.gql(UPDATE_PROFILE, { input: { ...profile, fax: '', alternateEmail: 'ops@glm.example' } });
      expect(response.errors).toBeUndefined();
      expect((await client.gql(ME)).data).toMatchObject({
        me: { alternateEmail: 'ops@glm.example', company: { ein: '38-2745619', type: 'IMPORTER', fax: null } },
      });
    });

    it('X-1 names each invalid field and writes nothing', async () => {
      const client = aim.client();
      await signUp(client);
      const response = await client.gql(UPDATE_PROFILE, {
        input: { ...profile, ein: '123-45-6789', zip: '4820', phone: '3135550142', state: 'XX', city: '' },
      });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(fieldErrorPaths(response)).toEqual(['ein', 'city', 'state', 'zip', 'phone']);
      expect((await client.gql(ME)).data).toMatchObject({ me: { company: null } });
    });

    it('X-1 answers a wrong enum value in the variables with the field’s path', async () => {
      const client = aim.client();
      await signUp(client);
      const response = await client.gql(UPDATE_PROFILE, { input: { ...profile, companyType: 'SMELTER' } });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(fieldErrorPaths(response)).toEqual(['companyType']);
    });

    it('needs a signed-in user', async () => {
      expect(errorCode(await aim.client().gql(UPDATE_PROFILE, { input: profile }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('ACC-4 sign-in, forgot password, rate limits, no account enumeration', () => {
    it('signs in with the right password and out again', async () => {
      const { email } = await signUp(aim.client());
      const browser = aim.client();
      expect((await browser.gql(SIGN_IN, { email, password: PASSWORD })).data).toMatchObject({ signIn: { user: { email } } });
      const session = browser.cookies.get('aim_session');
      expect((await browser.gql('mutation { signOut }')).data).toEqual({ signOut: true });
      expect((await browser.gql(ME)).data).toEqual({ me: null });
      // The old cookie is dead on the server too, not just cleared in the browser.
      browser.cookies.set('aim_session', session ?? '');
      expect((await browser.gql(ME)).data).toEqual({ me: null });
    });

    it('answers a wrong password and an unknown email alike', async () => {
      const { email } = await signUp(aim.client());
      const wrongPassword = await aim.client().gql(SIGN_IN, { email, password: 'Wrong-password-1' });
      const unknownEmail = await aim.client().gql(SIGN_IN, { email: newEmail(), password: 'Wrong-password-1' });
      expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
      expect(wrongPassword.errors?.[0]?.message).toBe(unknownEmail.errors?.[0]?.message);
      expect(errorCode(unknownEmail)).toBe('UNAUTHENTICATED');
    });

    it('locks an account for 15 minutes after 10 failed sign-ins, the right password included', async () => {
      const { email } = await signUp(aim.client());
      for (let attempt = 0; attempt < 10; attempt++) {
        expect(errorCode(await aim.client().gql(SIGN_IN, { email, password: 'Wrong-password-1' }))).toBe('UNAUTHENTICATED');
      }
      expect(errorCode(await aim.client().gql(SIGN_IN, { email, password: PASSWORD }))).toBe('TOO_MANY_REQUESTS');
      aim.advanceMinutes(15.1);
      expect((await aim.client().gql(SIGN_IN, { email, password: PASSWORD })).errors).toBeUndefined();
    });

    it('locks an unknown email the same way, so a lock does not tell that an account exists', async () => {
      const email = newEmail();
      for (let attempt = 0; attempt < 10; attempt++) await aim.client().gql(SIGN_IN, { email, password: 'Wrong-password-1' });
      expect(errorCode(await aim.client().gql(SIGN_IN, { email, password: 'Wrong-password-1' }))).toBe('TOO_MANY_REQUESTS');
    });

    it('lets a client address make 30 requests per 15 minutes, then slows it', async () => {
      const client = aim.client();
      for (let request = 0; request < 30; request++) {
        expect(errorCode(await client.gql(SIGN_IN, { email: newEmail(), password: 'Wrong-password-1' }))).toBe('UNAUTHENTICATED');
      }
      const refused = await client.gql(REQUEST_CODE, { email: newEmail() });
      expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
      expect(refused.errors?.[0]?.message).toMatch(/Wait 15 minutes/);
    });

    it('answers a sign-up code request for a registered email like any other, telling only the owner', async () => {
      const { email } = await signUp(aim.client());
      const sent = aim.smtp.mailsTo(email).length;
      expect((await aim.client().gql(REQUEST_CODE, { email })).data).toEqual({ requestSignUpCode: true });
      await aim.deliverOutbox();
      expect(aim.smtp.mailsTo(email)).toHaveLength(sent + 1);
      expect(aim.smtp.mailsTo(email).at(-1)?.raw).toMatch(/already has one/);
    });

    it('limits code requests per email alike for emails with and without an account', async () => {
      const { email: registered } = await signUp(aim.client());
      aim.advanceMinutes(15); // a fresh window, past the sign-up's own code request
      for (const email of [registered, newEmail()]) {
        for (let request = 0; request < 5; request++) {
          expect((await aim.client().gql(REQUEST_CODE, { email })).data).toEqual({ requestSignUpCode: true });
        }
        expect(errorCode(await aim.client().gql(REQUEST_CODE, { email }))).toBe('TOO_MANY_REQUESTS');
      }
    });

    it('takes the same path for a code request whether or not the email has an account: checks, then one outbox job', async () => {
      // Neither email has asked for a code before, so their rate-limit counters are alike too.
      const registered = newEmail();
      await aim.db.insert(tables.users).values({ email: registered, displayName: 'P', firstName: 'P', lastName: 'L', passwordHash: 'not a usable hash' });
      const unknown = newEmail();
      const requests = [
        ['password-reset-code', requestPasswordReset],
        ['sign-up-code', requestSignUpCode],
      ] as const;
      for (const [topic, request] of requests) {
        const paths = [];
        for (const email of [registered, unknown]) {
          const { db, statements } = recordingDatabase(aim.db);
          await request({ ...aim.services, db }, email, aim.client().address);
          paths.push(statements);
        }
        expect(paths[0]).toEqual(paths[1]);
        expect(paths[0]?.filter((statement) => statement !== 'insert rate_limit_counters' && statement !== 'delete rate_limit_counters')).toEqual([
          'insert outbox',
        ]);
        const jobs = await aim.db
          .select({ payload: tables.outbox.payload })
          .from(tables.outbox)
          .where(eq(tables.outbox.topic, topic))
          .orderBy(tables.outbox.id);
        expect(jobs.slice(-2).map((job) => job.payload)).toEqual([{ email: registered }, { email: unknown }]);
      }

      // After the answers, the worker tells each mailbox what is true of it.
      await aim.deliverOutbox();
      expect(aim.smtp.mailsTo(registered).map((mail) => /Subject: (.*)/.exec(mail.raw)?.[1])).toEqual([
        expect.stringMatching(/password reset code: \d{6}/),
        'You already have an AIM account',
      ]);
      expect(aim.smtp.mailsTo(unknown).map((mail) => /Subject: (.*)/.exec(mail.raw)?.[1])).toEqual([expect.stringMatching(/verification code: \d{6}/)]);
      const done = await aim.db.select({ status: tables.outbox.status }).from(tables.outbox).where(inArray(tables.outbox.topic, ['sign-up-code', 'password-reset-code']));
      expect(new Set(done.map((row) => row.status))).toEqual(new Set(['done']));
    });

    it('resets a forgotten password by emailed code, signing out every other browser', async () => {
      const first = aim.client();
      const { email } = await signUp(first);
      const requestReset = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
      const stranger = newEmail();
      expect((await aim.client().gql(requestReset, { email: stranger })).data).toEqual({ requestPasswordReset: true });
      await aim.deliverOutbox();
      expect(aim.smtp.mailsTo(stranger)).toHaveLength(0);

      const second = aim.client();
      expect((await second.gql(requestReset, { email })).data).toEqual({ requestPasswordReset: true });
      await aim.deliverOutbox();
      const code = aim.smtp.latestCode(email);
      const reset = 'mutation ($email: String!, $code: String!, $newPassword: String!) { resetPassword(email: $email, code: $code, newPassword: $newPassword) { user { email } } }';
      expect(fieldErrorPaths(await second.gql(reset, { email, code, newPassword: 'short' }))).toEqual(['newPassword']);
      expect((await second.gql(reset, { email, code, newPassword: 'New-password-42' })).errors).toBeUndefined();
      expect((await second.gql(ME)).data).toMatchObject({ me: { email } });
      expect((await first.gql(ME)).data).toEqual({ me: null });
      expect(errorCode(await aim.client().gql(SIGN_IN, { email, password: PASSWORD }))).toBe('UNAUTHENTICATED');
      expect((await aim.client().gql(SIGN_IN, { email, password: 'New-password-42' })).errors).toBeUndefined();
      // The code works once.
      expect(fieldErrorPaths(await aim.client().gql(reset, { email, code, newPassword: 'Other-password-43' }))).toEqual(['code']);
    });

    it('refuses a reset code for an email without an account like a wrong code', async () => {
      const reset = 'mutation ($email: String!, $code: String!, $newPassword: String!) { resetPassword(email: $email, code: $code, newPassword: $newPassword) { user { email } } }';
      const response = await aim.client().gql(reset, { email: newEmail(), code: '123456', newPassword: 'New-password-42' });
      expect(fieldErrorPaths(response)).toEqual(['code']);
    });
  });

  describe('ACC-5 the alternate email', () => {
    it('is copied on the password-changed email and cannot sign in', async () => {
      const client = aim.client();
      const { email } = await signUp(client);
      await client.gql(UPDATE_PROFILE, { input: { ...profile, alternateEmail: 'copy@example.com' } });
      const change = 'mutation ($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }';
      expect(fieldErrorPaths(await client.gql(change, { currentPassword: 'Wrong-password-1', newPassword: 'New-password-42' }))).toEqual([
        'currentPassword',
      ]);
      expect((await client.gql(change, { currentPassword: PASSWORD, newPassword: 'New-password-42' })).data).toEqual({ changePassword: true });
      await aim.deliverOutbox();
      const notice = aim.smtp.mails.at(-1);
      expect(notice?.to).toEqual(expect.arrayContaining([email, 'copy@example.com']));
      expect(notice?.raw).toMatch(/password was changed/);
      expect((await client.gql(ME)).data).toMatchObject({ me: { email } });
      expect(errorCode(await aim.client().gql(SIGN_IN, { email: 'copy@example.com', password: 'New-password-42' }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('ACC-7 roles', () => {
    const REVIEW_QUEUE = '{ reviewQueue { totalCount } }';

    it('keeps analyst fields from the public (UNAUTHENTICATED) and from filers (FORBIDDEN)', async () => {
      expect(errorCode(await aim.client().gql(REVIEW_QUEUE))).toBe('UNAUTHENTICATED');
      const filer = aim.client();
      await signUp(filer);
      expect(errorCode(await filer.gql(REVIEW_QUEUE))).toBe('FORBIDDEN');
      expect(errorCode(await filer.gql('mutation { publish { id } }'))).toBe('FORBIDDEN');
      expect(errorCode(await filer.gql('mutation { cancelLicense(number: "A1B2C3D4E") { number } }'))).toBe('NOT_FOUND');
    });

    it('makes an analyst from the start-up settings, and updates an existing account', async () => {
      const email = newEmail();
      await provisionAnalyst(aim.services, { email, password: 'Analyst-pass-1' });
      await provisionAnalyst(aim.services, { email, password: 'Analyst-pass-2' });
      const analyst = aim.client();
      expect((await analyst.gql(SIGN_IN, { email, password: 'Analyst-pass-2' })).data).toMatchObject({ signIn: { user: { role: 'ANALYST' } } });
      expect((await analyst.gql(REVIEW_QUEUE)).data).toEqual({ reviewQueue: { totalCount: 0 } });
      // Publication is in the contract but not released yet: said plainly, after the role check.
      expect(errorCode(await analyst.gql('mutation { publish { id } }'))).toBe('NOT_IMPLEMENTED');
    });

    it('refuses to provision an analyst with a weak password', async () => {
      await expect(provisionAnalyst(aim.services, { email: newEmail(), password: 'weak' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ path: 'password' }],
      });
    });
  });

  describe('ACC-6 one account for aluminum and steel', () => {
    it('carries no product type: the same filer reads either product type’s reference data', async () => {
      const filer = aim.client();
      await signUp(filer);
      const response = await filer.gql<{ me: Record<string, unknown>; aluminum: unknown[]; steel: unknown[] }>(
        '{ me { email role } aluminum: htsCodes(productType: ALUMINUM) { code } steel: htsCodes(productType: STEEL) { code } }',
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.aluminum.length).toBeGreaterThan(0);
      expect(response.data?.steel).toEqual([]);
      const userFields = await filer.gql<{ __type: { fields: Array<{ name: string }> } }>('{ __type(name: "User") { fields { name } } }');
      expect(userFields.data?.__type.fields.map((field) => field.name)).not.toContain('productType');
    });
  });

  describe('X-1 every account mutation refuses bad input, naming the field, and writes nothing', () => {
    const cases: Array<[string, string, Record<string, unknown>, string[]]> = [
      ['requestSignUpCode', REQUEST_CODE, { email: 'nope' }, ['email']],
      ['requestPasswordReset', 'mutation ($email: String!) { requestPasswordReset(email: $email) }', { email: '' }, ['email']],
      [
        'resetPassword',
        'mutation ($email: String!, $code: String!, $newPassword: String!) { resetPassword(email: $email, code: $code, newPassword: $newPassword) { user { id } } }',
        { email: 'x@', code: '12', newPassword: 'short' },
        ['email', 'code', 'newPassword'],
      ],
      [
        'changePassword',
        'mutation ($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }',
        { currentPassword: PASSWORD, newPassword: 'lowercaseonly' },
        ['newPassword'],
      ],
      ['updateProfile', UPDATE_PROFILE, { input: { ...profile, phone: '555-0142' } }, ['phone']],
      ['updateProfile (missing field)', UPDATE_PROFILE, { input: { ...profile, zip: null } }, ['zip']],
      ['createApiToken', 'mutation ($name: String!) { createApiToken(name: $name) { secret } }', { name: 'x'.repeat(101) }, ['name']],
    ];

    it.each(cases)('%s', async (_name, mutation, variables, paths) => {
      const client = aim.client();
      const { email } = await signUp(client);
      const before = await aim.db.select().from(tables.users).where(eq(tables.users.email, email));
      const tokens = (await aim.db.select({ n: count() }).from(tables.apiTokens))[0]?.n;
      const response = await client.gql(mutation, variables);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(fieldErrorPaths(response)).toEqual(paths);
      expect(await aim.db.select().from(tables.users).where(eq(tables.users.email, email))).toEqual(before);
      expect((await aim.db.select({ n: count() }).from(tables.apiTokens))[0]?.n).toBe(tokens);
    });
  });

  describe('API tokens for programs', () => {
    const CREATE = 'mutation ($name: String!) { createApiToken(name: $name) { secret token { id name lastUsedAt } } }';

    it('authenticates with Authorization: Bearer, stores only a hash, and stops working once revoked', async () => {
      const owner = aim.client();
      const { email } = await signUp(owner);
      const created = await owner.gql<{ createApiToken: { secret: string; token: { id: string } } }>(CREATE, { name: 'Broker software' });
      const secret = created.data?.createApiToken.secret ?? '';
      expect(secret).toMatch(/^aim_/);
      const stored = await aim.db.select().from(tables.apiTokens);
      expect(stored.some((row) => row.secretHash === secret || row.secretHash.includes(secret))).toBe(false);

      const program = aim.client({ token: secret });
      expect((await program.gql(ME)).data).toMatchObject({ me: { email } });
      expect((await owner.gql('{ apiTokens { name lastUsedAt } }')).data).toMatchObject({
        apiTokens: [{ name: 'Broker software', lastUsedAt: expect.any(String) }],
      });

      const id = created.data?.createApiToken.token.id;
      const stranger = aim.client();
      await signUp(stranger);
      const revoke = 'mutation ($id: ID!) { revokeApiToken(id: $id) }';
      expect(errorCode(await stranger.gql(revoke, { id }))).toBe('NOT_FOUND');
      expect(errorCode(await stranger.gql(revoke, { id: 'not-a-uuid' }))).toBe('NOT_FOUND');
      expect((await owner.gql(revoke, { id })).data).toEqual({ revokeApiToken: true });
      expect((await program.gql(ME)).data).toEqual({ me: null });
    });

    it('records a token’s last use at most once a minute, so reading the API is not a write per request', async () => {
      const owner = aim.client();
      await signUp(owner);
      const created = await owner.gql<{ createApiToken: { secret: string } }>(CREATE, { name: 'Nightly sync' });
      const program = aim.client({ token: created.data?.createApiToken.secret ?? '' });
      const lastUsed = async () =>
        (await owner.gql<{ apiTokens: Array<{ lastUsedAt: string }> }>('{ apiTokens { lastUsedAt } }')).data?.apiTokens[0]?.lastUsedAt;

      await program.gql(ME);
      const first = await lastUsed();
      aim.advanceMinutes(0.5);
      await program.gql(ME);
      expect(await lastUsed()).toBe(first);
      aim.advanceMinutes(1);
      await program.gql(ME);
      expect(new Date((await lastUsed()) ?? 0).getTime()).toBeGreaterThan(new Date(first ?? 0).getTime());
    });

    it('X-1 needs a name', async () => {
      const owner = aim.client();
      await signUp(owner);
      expect(fieldErrorPaths(await owner.gql(CREATE, { name: '  ' }))).toEqual(['name']);
    });
  });
});
