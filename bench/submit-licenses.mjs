// Submits 3-product licenses over HTTP with an API token, as a broker's software would (#5):
// first at a fixed 200 requests/s (the goal: p95 under 25 ms on PostgreSQL on a 2-core machine),
// then as fast as the server answers. On a fresh PGlite folder, and on PostgreSQL when
// BENCH_DATABASE_URL names a server it may create databases on.
// Run after `pnpm build`:  pnpm bench:submit   (BENCH_SECONDS=20 for longer runs)
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { freePort, serverMain as main } from './server.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 200);


async function startServer(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), main], { env: { ...process.env, SMTP_URL: '', NODE_ENV: 'test', ...env, PORT: String(port) }, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(`${origin}/healthz`).then((response) => response.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function gql(origin, query, variables = {}, headers = {}) {
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
async function filerToken(origin) {
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

const eastern = (days) => {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(date);
};
const product = (htsCode, volumeKg, usdPerKg) => ({
  htsCode,
  largestSmelt: { answer: 'COUNTRY', country: 'CA' },
  secondSmelt: { answer: 'NOT_APPLICABLE' },
  mostRecentCast: 'CA',
  volumeKg,
  customsValueUsd: Math.round(volumeKg * usdPerKg * 100) / 100,
});
const SUBMIT = JSON.stringify({
  query: 'mutation ($input: StandardLicenseInput!) { submitLicense(input: $input, certify: true) { number status } }',
  variables: {
    input: {
      importerName: 'Bench Metals LLC', exporterName: 'Alouette Aluminium Inc.', manufacturerNames: ['Alouette Aluminium Inc.'],
      countryOfOrigin: 'CA', countryOfExportation: 'CA', portOfEntry: '3801', expectedExportDate: eastern(5), expectedImportDate: eastern(10),
      products: [product('7601103000', 24_000, 2.72), product('7601203000', 18_000, 3.05), product('7601106040', 60_000, 2.8)],
    },
  },
});

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function load(origin, token, options) {
  const latencies = [];
  let failures = 0;
  const instance = autocannon({
    url: `${origin}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: SUBMIT,
    duration: SECONDS,
    ...options,
  });
  instance.on('response', (_client, status, _bytes, time) => {
    latencies.push(time);
    if (status !== 200) failures++;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    'requests/s': Math.round(result.requests.average),
    p50: percentile(latencies, 50).toFixed(1),
    p95: percentile(latencies, 95).toFixed(1),
    p99: percentile(latencies, 99).toFixed(1),
    'non-200': failures + result.non2xx,
    errors: result.errors,
  };
}

async function bench(engine, env) {
  const server = await startServer(env);
  try {
    const token = await filerToken(server.origin);
    // A short warm-up: JIT, statement cache, first statistics rows.
    await load(server.origin, token, { duration: 2, connections: 4 });
    return [
      { engine, load: 'one at a time', ...(await load(server.origin, token, { connections: 1 })) },
      { engine, load: `${RATE}/s fixed`, ...(await load(server.origin, token, { connections: 20, overallRate: RATE })) },
      { engine, load: 'as fast as answered (20 connections)', ...(await load(server.origin, token, { connections: 20 })) },
    ];
  } finally {
    await server.stop();
  }
}

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
console.log(`3-product licenses submitted over HTTP with an API token, ${SECONDS} s per run (latency in ms):`);
console.table(rows);
