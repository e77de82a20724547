// How long `node packages/server/dist/main.js` takes until /healthz answers: on a fresh PGlite
// data folder (migrations and reference data from nothing), on the same folder again, and on
// PostgreSQL when BENCH_DATABASE_URL names a server (a fresh database is created there).
// Run after `pnpm build`:  pnpm bench   (or: BENCH_DATABASE_URL=postgres://… pnpm bench)
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { freePort, serverMain as main } from './server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);


async function timeStart(env) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [main], { env: { ...process.env, SMTP_URL: '', ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false);
      if (ok) return (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

function report(label, seconds) {
  const sorted = [...seconds].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`${label.padEnd(34)} median ${median.toFixed(2)} s   (runs: ${seconds.map((s) => s.toFixed(2)).join(', ')})`);
}

const fresh = [];
const reopened = [];
for (let run = 0; run < RUNS; run++) {
  const dataDir = await mkdtemp(join(tmpdir(), 'aim-bench-'));
  fresh.push(await timeStart({ DATA_DIR: dataDir, DATABASE_URL: '' }));
  reopened.push(await timeStart({ DATA_DIR: dataDir, DATABASE_URL: '' }));
  await rm(dataDir, { recursive: true, force: true });
}
report('start, PGlite, fresh data folder', fresh);
report('start, PGlite, existing folder', reopened);

if (process.env.BENCH_DATABASE_URL) {
  const admin = postgres(process.env.BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
  const onServer = [];
  for (let run = 0; run < RUNS; run++) {
    const name = `aim_bench_${process.pid}_${run}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(process.env.BENCH_DATABASE_URL);
    url.pathname = `/${name}`;
    try {
      onServer.push(await timeStart({ DATABASE_URL: url.toString() }));
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
    }
  }
  await admin.end();
  report('start, PostgreSQL, fresh database', onServer);
}
