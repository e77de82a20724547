import { type Database, type Transaction, tables } from '@aim/db';
import type { MailMessage } from '../mail/mailer.js';
import type { OutboxTopic, OutboxTopics } from './topics.js';
import { wakeOutboxWorkers } from './wake.js';

/**
 * Queues work in the caller's transaction: it is done if and only if the change it follows
 * commits, and survives a crash between that commit and the work (docs/ARCHITECTURE.md).
 */
export async function enqueueJob<T extends OutboxTopic>(db: Database | Transaction, topic: T, payload: OutboxTopics[T]): Promise<void> {
  await db.insert(tables.outbox).values({ topic, payload });
  wakeOutboxWorkers();
}

/** Sends `message` once the caller's transaction commits, retrying while the mail server fails. */
export function enqueueEmail(db: Database | Transaction, message: MailMessage): Promise<void> {
  return enqueueJob(db, 'email', message);
}
