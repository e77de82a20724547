// What the benchmarks share: the built server's entry point and a free port to start it on.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

export const serverMain = fileURLToPath(new URL('../packages/server/dist/main.js', import.meta.url));

export async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The built server on a free port, started with `env`; `BENCH_PROFILE=dir` writes its CPU profile. */
export async function startServer(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), serverMain], { env: { ...process.env, SMTP_URL: '', NODE_ENV: 'test', ...env, PORT: String(port) }, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(`${origin}/healthz`).then((response) => response.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

export async function gql(origin, query, variables = {}, headers = {}) {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { body, cookie: response.headers.get('set-cookie')?.split(';')[0] };
}

/** A filer with a profile and an API token, made through the API and the development mailbox. */
export async function filerToken(origin) {
  const email = 'bench@example.com';
  await gql(origin, 'mutation ($email: String!) { requestSignUpCode(email: $email) }', { email });
  let code;
  while (!code) {
    const { messages } = await (await fetch(`${origin}/api/dev/mailbox`)).json();
    code = messages.map((message) => /code is (\d{6})/.exec(message.text)?.[1]).find(Boolean);
    if (!code) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { cookie } = await gql(origin, 'mutation ($input: SignUpInput!) { signUp(input: $input) { user { id } } }', {
    input: { email, code, displayName: 'Bench', firstName: 'Bench', lastName: 'Mark', password: 'Bench-mark-2026' },
  });
  const session = { cookie };
  await gql(origin, 'mutation ($input: ProfileInput!) { updateProfile(input: $input) { id } }', {
    input: { ein: '38-2745619', companyName: 'Bench Metals LLC', companyType: 'CUSTOMS_BROKER', street: '1 Main St', city: 'Detroit', state: 'MI', zip: '48207', phone: '313-555-0142' },
  }, session);
  const { body } = await gql(origin, 'mutation { createApiToken(name: "bench") { secret } }', {}, session);
  return body.data.createApiToken.secret;
}

/**
 * `bench(engine, env)` on a fresh PGlite folder (unless BENCH_SKIP_PGLITE), then on a fresh
 * PostgreSQL database when BENCH_DATABASE_URL names a server it may create databases on; the rows
 * each run answers, together.
 */
export async function onEachEngine(bench) {
  const rows = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'aim-bench-'));
  try {
    if (!process.env.BENCH_SKIP_PGLITE) rows.push(...(await bench('PGlite', { DATA_DIR: dataDir, DATABASE_URL: '' })));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  if (process.env.BENCH_DATABASE_URL) {
    const admin = postgres(process.env.BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
    const name = `aim_bench_${Date.now()}`;
    await admin.unsafe(`create database ${name}`);
    try {
      const url = new URL(process.env.BENCH_DATABASE_URL);
      url.pathname = `/${name}`;
      rows.push(...(await bench('PostgreSQL', { DATABASE_URL: url.toString() })));
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  return rows;
}
