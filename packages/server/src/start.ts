import { type DatabaseHandle, loadReferenceData, openDatabase } from '@aim/db';
import { provisionAnalyst } from './accounts/analyst.js';
import type { Config } from './config.js';
import { loadDemoData } from './demo-data.js';
import { createMailer } from './mail/mailer.js';
import type { Services } from './services.js';

/** Opens and migrates the database, loads reference data, provisions the analyst: what every start does. */
export async function prepareServices(config: Config): Promise<{ services: Services; database: DatabaseHandle }> {
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  await loadReferenceData(database.db);
  const clock = () => new Date();
  const services: Services = { db: database.db, mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }), clock };
  if (config.analyst) {
    const analyst = await provisionAnalyst(services, config.analyst);
    console.info(`[start] analyst account ${analyst.email} is ready`);
  }
  if (config.demoData) await loadDemoData(services);
  return { services, database };
}
