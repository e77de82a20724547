import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from '@aim/db';
import { type TestEngine, createTestDatabase } from '@aim/db/testing';
import { sql } from 'drizzle-orm';

// The built server (`pnpm build` first; `pnpm test` does) as a child process, for tests that kill it.

export const serverMain = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function until(condition: () => boolean | Promise<boolean>, what: string, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Where the server keeps its data: a PGlite folder, or a fresh PostgreSQL database. */
export async function serverStorage(engine: TestEngine, name: string): Promise<{ env: Record<string, string>; remove(): Promise<void>; db?: DatabaseHandle['db'] }> {
  if (engine === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), `aim-${name}-`));
    return { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, remove: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const handle: DatabaseHandle = await createTestDatabase('postgres');
  // postgres.js answers raw SQL with the rows.
  const [row] = (await handle.db.execute(sql`select current_database() as name`)) as unknown as Array<{ name: string }>;
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${row?.name}`;
  return { env: { DATABASE_URL: url.toString() }, remove: () => handle.close(), db: handle.db };
}

const children: ChildProcess[] = [];

/** Ends every server these tests started (SIGKILL), as a `finally` does. */
export async function killServers(): Promise<void> {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
}

export async function startBuiltServer(env: Record<string, string>) {
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
