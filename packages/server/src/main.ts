import { DataDirInUseError } from '@aim/db';
import { createApp } from './app.js';
import { ConfigError, readConfig } from './config.js';
import { defaultSchedules } from './outbox/schedules.js';
import { readOutboxSettings } from './outbox/settings.js';
import { startOutboxWorker } from './outbox/worker.js';
import { prepareServices } from './start.js';

const started = performance.now();
let prepared;
try {
  const config = readConfig();
  const outbox = readOutboxSettings();
  prepared = { config, outbox, ...(await prepareServices(config)) };
} catch (error) {
  // A setting, or a PGlite data folder another AIM process holds (#10.5): say what, without a stack trace.
  if (!(error instanceof ConfigError || error instanceof DataDirInUseError)) throw error;
  console.error(`[start] ${error.message}`);
  process.exit(1);
}
const { config, outbox, services, database } = prepared;
// Email and scheduled work, in every process (docs/ARCHITECTURE.md, "Background work: the outbox").
const worker = outbox.worker ? startOutboxWorker(services, { schedules: defaultSchedules(outbox) }) : undefined;
const { app, stop } = await createApp(services, { trustedProxies: config.trustedProxies, bulkUploads: config.bulkUploads });

const server = app.listen(config.port, () => {
  const where = database.engine === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.info(`[start] AIM on http://localhost:${config.port} (monitor /, licensing /licensing/, API /graphql) with ${where}, ready in ${seconds} s`);
  if (services.mailer.devMailbox) {
    console.info('[start] no SMTP_URL: email goes to this log and to the development mailbox (/licensing/dev/mailbox, JSON at /api/dev/mailbox)');
  }
  if (!worker) console.info('[start] AIM_OUTBOX_WORKER=off: email and scheduled work are queued, not done, until a process with the worker runs');
});

async function shutDown(signal: string) {
  console.info(`[stop] ${signal}: closing`);
  server.close();
  // No new requests; the worker finishes the message it is sending and hands back the rest.
  await worker?.stop();
  await stop();
  await database.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutDown('SIGINT'));
process.once('SIGTERM', () => void shutDown('SIGTERM'));
