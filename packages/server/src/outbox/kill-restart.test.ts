import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DatabaseHandle } from '@aim/db';
import { type TestEngine, createTestDatabase, testEngines } from '@aim/db/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { startSmtpSink } from '../testing/smtp-sink.js';

// LIC-13: the built server (`pnpm build` first; `pnpm test` does) is killed with SIGKILL right
// after it committed a code request, before anything was sent, and started again.

const serverMain = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function until(condition: () => boolean | Promise<boolean>, what: string, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Where the server keeps its data: a PGlite folder, or a fresh PostgreSQL database. */
async function storage(engine: TestEngine): Promise<{ env: Record<string, string>; remove(): Promise<void> }> {
  if (engine === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'aim-kill-test-'));
    return { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, remove: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const handle: DatabaseHandle = await createTestDatabase('postgres');
  // postgres.js answers raw SQL with the rows.
  const [row] = (await handle.db.execute(sql`select current_database() as name`)) as unknown as Array<{ name: string }>;
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${row?.name}`;
  return { env: { DATABASE_URL: url.toString() }, remove: () => handle.close() };
}

const children: ChildProcess[] = [];

async function killAll(): Promise<void> {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
}

async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, [serverMain], {
    env: { ...process.env, NODE_ENV: 'test', PORT: String(port), AIM_ANALYST_EMAIL: '', AIM_DEMO_DATA: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const log = () => output;
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`AIM exited with ${child.exitCode}:\n${output}`);
      return fetch(`${origin}/healthz`).then((response) => response.ok, () => false);
    },
    'AIM to be healthy',
    log,
  );
  return { child, origin, log };
}

describe.each(testEngines())('LIC-13 a killed server loses no queued email on %s', (engine) => {
  it('sends a code request committed just before kill -9 once, after the restart', async () => {
    if (!existsSync(serverMain)) throw new Error(`${serverMain} is missing: run \`pnpm build\` first`);
    const smtp = await startSmtpSink();
    const data = await storage(engine);
    try {
      const email = `killed-${engine}@example.com`;
      // The worker off: the request commits its outbox row, and nothing sends it.
      const first = await startServer({ ...data.env, SMTP_URL: smtp.url, AIM_OUTBOX_WORKER: 'off' });
      const answer = await fetch(`${first.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation ($email: String!) { requestSignUpCode(email: $email) }', variables: { email } }),
      });
      expect(await answer.json()).toEqual({ data: { requestSignUpCode: true } });
      first.child.kill('SIGKILL');
      await once(first.child, 'exit');
      expect(smtp.mails).toEqual([]);

      const second = await startServer({ ...data.env, SMTP_URL: smtp.url });
      await until(() => smtp.mailsTo(email).length > 0, 'the code to be mailed', second.log);
      expect(smtp.latestCode(email)).toMatch(/^\d{6}$/);
      // Several polls later, still once.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(smtp.mailsTo(email)).toHaveLength(1);

      second.child.kill('SIGTERM');
      const [code] = await once(second.child, 'exit');
      expect(code).toBe(0);
      expect(second.log()).not.toMatch(/\[outbox\].*(failed|dead|unexpected)/);
    } finally {
      await killAll();
      await smtp.close();
      await data.remove();
    }
  });
});
