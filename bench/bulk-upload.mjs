// A 10,000-row spreadsheet uploaded end to end (#7, BULK-2): 5,000 licenses of 2 products each,
// sent as the licensing app sends it (multipart, API token), on a fresh PGlite folder and on
// PostgreSQL when BENCH_DATABASE_URL names a server it may create databases on. Measures the
// upload's time, the server's peak resident memory, and the latency of `{ __typename }` requests
// sent one after another while the upload is read and written. Goals: under 10 s, under 500 MB,
// other requests under 100 ms.
// Run after `pnpm build`:  pnpm bench:bulk   (BENCH_BULK_ROWS=20000 for another size)
import { readFile } from 'node:fs/promises';
import { bulkRows, bulkWorkbook, uploadBulk } from '../packages/server/dist/testing/bulk-files.js';
import { filerToken, onEachEngine, startServer } from './server.mjs';

const ROWS = Number(process.env.BENCH_BULK_ROWS ?? 10_000);

/** Resident memory now and at its peak since the process started (Linux /proc). */
async function memory(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rssMb: field('VmRSS'), peakMb: field('VmHWM') };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function bench(engine, env) {
  const server = await startServer(env);
  try {
    const token = await filerToken(server.origin);
    // A small upload first: JIT, statement cache and the reference data, as on a server that has been up.
    await uploadBulk(server.origin, await bulkWorkbook(bulkRows(100, 2)), { token });
    const file = await bulkWorkbook(bulkRows(ROWS / 2, 2).map((row) => [`B${String(row[0])}`, ...row.slice(1)]));
    const before = await memory(server.pid);

    const latencies = [];
    let uploading = true;
    const began = performance.now();
    const upload = uploadBulk(server.origin, file, { token }).finally(() => (uploading = false));
    let peakRss = before.rssMb;
    while (uploading) {
      const sent = performance.now();
      const response = await fetch(`${server.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      await response.json();
      latencies.push(performance.now() - sent);
      peakRss = Math.max(peakRss, (await memory(server.pid)).rssMb);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const answer = await upload;
    const seconds = (performance.now() - began) / 1000;
    if (answer.status !== 200) throw new Error(`upload answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
    const after = await memory(server.pid);
    latencies.sort((a, b) => a - b);
    return [
      {
        engine,
        rows: ROWS,
        licenses: answer.body.count,
        'file KB': Math.round(file.length / 1024),
        seconds: seconds.toFixed(2),
        'RSS before MB': Math.round(before.rssMb),
        'peak RSS MB': Math.round(Math.max(peakRss, after.peakMb)),
        '__typename answered': latencies.length,
        'p50 ms': percentile(latencies, 50).toFixed(1),
        'p95 ms': percentile(latencies, 95).toFixed(1),
        'max ms': (latencies.at(-1) ?? Number.NaN).toFixed(1),
      },
    ];
  } finally {
    await server.stop();
  }
}

const rows = await onEachEngine(bench);
console.log(`A ${ROWS.toLocaleString('en-US')}-row upload (POST /api/licenses/bulk), and { __typename } requests sent meanwhile:`);
console.table(rows);
