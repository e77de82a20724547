import { sendPasswordResetCode } from '../accounts/password-change.js';
import { sendSignUpCode } from '../accounts/sign-up.js';
import type { Services } from '../services.js';
import type { OutboxTopic, OutboxTopics } from './topics.js';

type Handler<T extends OutboxTopic> = (services: Services, payload: OutboxTopics[T]) => Promise<void>;

/** What the worker does with each topic's messages. A handler that throws is retried later. */
const handlers: { [T in OutboxTopic]: Handler<T> } = {
  email: (services, message) => services.mailer.send(message),
  'sign-up-code': sendSignUpCode,
  'password-reset-code': sendPasswordResetCode,
};

/**
 * Runs a stored message's handler. The payload is what `enqueueJob` wrote for the topic, which
 * typed it; a topic without a handler (a newer server's, during a rolling deploy) fails like any
 * try, so an older process leaves it to be retried.
 */
export async function handleMessage(services: Services, topic: string, payload: unknown): Promise<void> {
  if (!Object.hasOwn(handlers, topic)) throw new Error(`no handler for outbox topic "${topic}"`);
  const handler = handlers[topic as OutboxTopic] as (services: Services, payload: unknown) => Promise<void>;
  await handler(services, payload);
}
