import { createApp } from './app.js';
import { readConfig } from './config.js';
import { prepareServices } from './start.js';

const started = performance.now();
const config = readConfig();
const { services, database } = await prepareServices(config);
const { app, stop } = await createApp(services, { trustProxy: config.trustProxy });

const server = app.listen(config.port, () => {
  const where = database.engine === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.info(`[start] AIM on http://localhost:${config.port} (monitor /, licensing /licensing/, API /graphql) with ${where}, ready in ${seconds} s`);
  if (services.mailer.devMailbox) console.info('[start] no SMTP_URL: email goes to this log and to /licensing/dev/mailbox');
});

async function shutDown(signal: string) {
  console.info(`[stop] ${signal}: closing`);
  server.close();
  await stop();
  await database.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutDown('SIGINT'));
process.once('SIGTERM', () => void shutDown('SIGTERM'));
