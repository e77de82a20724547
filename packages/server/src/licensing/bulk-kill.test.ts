import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { testEngines } from '@aim/db/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bulkRows, bulkWorkbook, uploadBulk } from '../testing/bulk-files.js';
import { killServers, serverMain, serverStorage, startBuiltServer, until } from '../testing/built-server.js';
import { startSmtpSink } from '../testing/smtp-sink.js';

// BULK-2: the built server is killed with SIGKILL while it writes a valid upload; after a restart
// the upload's licenses are all there or none is, never a part.

async function gql(origin: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { data: body.data ?? {}, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

/** A filer with a company profile and an API token, made through the API as a person would. */
async function filerToken(origin: string, smtp: Awaited<ReturnType<typeof startSmtpSink>>, log: () => string): Promise<string> {
  const email = 'bulk-killed@example.com';
  await gql(origin, 'mutation ($email: String!) { requestSignUpCode(email: $email) }', { email });
  await until(() => smtp.mailsTo(email).length > 0, 'the sign-up code', log);
  const { cookie } = await gql(origin, 'mutation ($input: SignUpInput!) { signUp(input: $input) { user { id } } }', {
    input: { email, code: smtp.latestCode(email), displayName: 'Killed', firstName: 'Kim', lastName: 'Lee', password: 'Killed-upload-2026' },
  });
  const session = { cookie };
  await gql(origin, 'mutation ($input: ProfileInput!) { updateProfile(input: $input) { id } }', {
    input: { ein: '38-2745619', companyName: 'Killed Metals LLC', companyType: 'CUSTOMS_BROKER', street: '1 Main St', city: 'Detroit', state: 'MI', zip: '48207', phone: '313-555-0142' },
  }, session);
  const { data } = await gql(origin, 'mutation { createApiToken(name: "kill test") { secret } }', {}, session);
  return (data.createApiToken as { secret: string }).secret;
}

async function licenseTotal(origin: string, token: string): Promise<number> {
  const { data } = await gql(origin, '{ licenses(first: 1) { totalCount } }', {}, { authorization: `Bearer ${token}` });
  return (data.licenses as { totalCount: number }).totalCount;
}

describe.each(testEngines())('BULK-2 kill -9 in the middle of an upload on %s', (engine) => {
  it('leaves all of its licenses or none', async () => {
    if (!existsSync(serverMain)) throw new Error(`${serverMain} is missing: run \`pnpm build\` first`);
    const smtp = await startSmtpSink();
    const data = await serverStorage(engine, 'bulk-kill');
    try {
      const first = await startBuiltServer({ ...data.env, SMTP_URL: smtp.url });
      const token = await filerToken(first.origin, smtp, first.log);
      // One upload first: the next one's licenses come on top of these.
      const licenses = 1500;
      const rows = bulkRows(licenses, 2);
      const began = performance.now();
      const measured = await uploadBulk(first.origin, await bulkWorkbook(rows), { token });
      expect(measured.body.count).toBe(licenses);
      const uploadMs = performance.now() - began;

      const second = await bulkWorkbook(rows.map((row) => [`K${String(row[0])}`, ...row.slice(1)]));
      const upload = uploadBulk(first.origin, second, { token }).catch((error: unknown) => error);
      if (data.db) {
        // PostgreSQL shows the server's open transaction: kill it while it inserts.
        const db = data.db;
        await until(async () => {
          const [row] = (await db.execute(sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null
              and query ~* 'insert into "(licenses|license_products|license_versions)"'`)) as unknown as Array<{ n: number }>;
          return (row?.n ?? 0) > 0;
        }, 'the upload to write', first.log);
      } else {
        // PGlite has one connection, which the upload's transaction holds: /healthz (select 1)
        // waits behind it. The first health check that stalls says the writing has begun.
        await until(
          () => fetch(`${first.origin}/healthz`, { signal: AbortSignal.timeout(Math.max(150, Math.round(uploadMs / 10))) }).then(() => false, () => true),
          'the upload to write',
          first.log,
        );
      }
      first.child.kill('SIGKILL');
      await once(first.child, 'exit');
      expect(await upload).toBeInstanceOf(Error);

      const restarted = await startBuiltServer({ ...data.env, SMTP_URL: smtp.url });
      const total = await licenseTotal(restarted.origin, token);
      expect([licenses, 2 * licenses]).toContain(total);
      // Uploaded again, the file finds its first upload if it committed, or is written whole now.
      const again = await uploadBulk(restarted.origin, second, { token });
      expect(again.body).toMatchObject({ count: licenses, repeated: total === 2 * licenses });
      expect(await licenseTotal(restarted.origin, token)).toBe(2 * licenses);
    } finally {
      await killServers();
      await smtp.close();
      await data.remove();
    }
  });
});
