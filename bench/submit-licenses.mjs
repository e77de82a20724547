// Submits 3-product licenses over HTTP with an API token, as a broker's software would (#5):
// first at a fixed 200 requests/s (the goal: p95 under 25 ms on PostgreSQL on a 2-core machine),
// then as fast as the server answers. On a fresh PGlite folder, and on PostgreSQL when
// BENCH_DATABASE_URL names a server it may create databases on.
// Run after `pnpm build`:  pnpm bench:submit   (BENCH_SECONDS=20 for longer runs)
import autocannon from 'autocannon';
import { filerToken, onEachEngine, startServer } from './server.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 200);


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

const rows = await onEachEngine(bench);
console.log(`3-product licenses submitted over HTTP with an API token, ${SECONDS} s per run (latency in ms):`);
console.table(rows);
