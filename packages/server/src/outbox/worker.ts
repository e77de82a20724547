import { describeError, logUnexpected } from '../log-error.js';
import type { Services } from '../services.js';
import { handleMessage } from './handlers.js';
import { type OutboxMessage, claimDue, markDone, markFailed, release, startHandling } from './messages.js';
import { type Schedule, registerSchedules, runDueSchedules } from './schedules.js';
import { onOutboxWork } from './wake.js';

export interface OutboxWorkerOptions {
  /** Messages claimed at once. */
  batchSize?: number;
  /** How often the table is looked at without a nudge: other processes' messages, retries, schedules. */
  pollMs?: number;
  /** How long a claimed message is this worker's; a killed worker's messages wait this long. */
  leaseMs?: number;
  /** The wait after a first failure, doubled after each next one… */
  retryBaseMs?: number;
  /** …up to this. */
  retryCapMs?: number;
  /** Tries before a message is dead: kept, logged, no longer tried. */
  maxAttempts?: number;
  /** How long `stop()` waits for the message being handled. */
  stopTimeoutMs?: number;
  schedules?: Schedule[];
}

export type OutboxWorkerSettings = Required<OutboxWorkerOptions>;

// With these, a message is tried 8 times over about two hours (1, 2, 4 … 32 minutes, then 60)
// before it is dead: a mail server's outage of a few minutes loses nothing. The lease is longer
// than one send can take with the mailer's timeouts (mail/mailer.ts).
const defaults: OutboxWorkerSettings = {
  batchSize: 10,
  pollMs: 1000,
  leaseMs: 5 * 60_000,
  retryBaseMs: 60_000,
  retryCapMs: 60 * 60_000,
  maxAttempts: 8,
  stopTimeoutMs: 10_000,
  schedules: [],
};

/** How long a nudged pass waits for more messages to batch with; email need not leave sooner. */
const NUDGE_DELAY_MS = 50;

export interface OutboxWorker {
  /** Stops claiming, waits (bounded) for the message being handled, and hands back the rest. */
  stop(): Promise<void>;
  /** Handles every message due now and every due schedule, then resolves. */
  drain(): Promise<void>;
}

/** The wait before the next try of a message that failed its `attempts`-th try. */
export function retryDelayMs(attempts: number, settings: Pick<OutboxWorkerSettings, 'retryBaseMs' | 'retryCapMs'>): number {
  return Math.min(settings.retryBaseMs * 2 ** Math.max(attempts - 1, 0), settings.retryCapMs);
}

/**
 * Drains the outbox in this process: at start, on a nudge from `enqueueJob` here, and every
 * `pollMs`. Passes run one at a time; asking for one while one runs queues a single next pass.
 * Delivery is at least once: a message whose handler finished but whose worker died before
 * marking it done is tried again after its lease.
 */
export function startOutboxWorker(services: Services, options: OutboxWorkerOptions = {}): OutboxWorker {
  const settings: OutboxWorkerSettings = { ...defaults, ...options };
  const { db } = services;
  let stopping = false;
  let schedulesRegistered = false;
  /** Claimed by the running pass and not started yet: what a stop hands back. */
  let held: OutboxMessage[] = [];
  let running: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  // A nudge follows every enqueue: at hundreds of licenses a second, looking at the schedules on
  // each would double the worker's queries. The poll and `drain` look at them; a nudge does not.
  let schedulesWanted = false;
  /** When the running pass claimed its batch: a lease younger than half its length needs no renewal. */
  let claimedAt = 0;

  function requestPass(options: { schedules: boolean }): Promise<void> {
    schedulesWanted ||= options.schedules;
    if (!queued) {
      queued = running.then(() => {
        queued = undefined;
        return runPass();
      });
      running = queued;
    }
    return queued;
  }

  async function runPass(): Promise<void> {
    try {
      if (stopping) return;
      if (!schedulesRegistered) {
        await registerSchedules(services, settings.schedules);
        schedulesRegistered = true;
      }
      if (schedulesWanted) {
        schedulesWanted = false;
        await runDueSchedules(services, settings.schedules);
      }
      while (!stopping) {
        claimedAt = Date.now();
        held = await claimDue(db, settings.batchSize, settings.leaseMs);
        const claimed = held.length;
        // One statement marks the batch done: at hundreds of emails a second, one per message
        // was half the worker's queries. A crash before it means those are sent again (at least once).
        const done: OutboxMessage[] = [];
        try {
          while (!stopping) {
            const message = held.shift();
            if (!message) break;
            if (await handle(message)) done.push(message);
          }
        } finally {
          await markDone(db, done);
        }
        if (claimed < settings.batchSize) break;
      }
    } catch (error) {
      // The database is unreachable, most likely: the next poll tries again.
      logUnexpected('outbox', error);
    } finally {
      await releaseHeld();
    }
  }

  /** True when the message was handled and is to be marked done. */
  async function handle(message: OutboxMessage): Promise<boolean> {
    const leaseIsFresh = Date.now() - claimedAt < settings.leaseMs / 2;
    if (!leaseIsFresh && !(await startHandling(db, message, settings.leaseMs))) {
      console.warn(`[outbox] ${message.topic} message ${message.id}: its lease ran out before it started; another worker has it`);
      return false;
    }
    try {
      await handleMessage(services, message.topic, message.payload);
      return true;
    } catch (error) {
      await recordFailure(message, error);
      return false;
    }
  }

  async function recordFailure(message: OutboxMessage, error: unknown): Promise<void> {
    const description = withoutAddresses(describeError(error));
    // The table keeps what failed; the log also has where.
    const lastError = description
      .split('\n')
      .filter((line) => !/^\s+at /.test(line))
      .join('\n');
    const tries = `${message.attempts} of ${settings.maxAttempts}`;
    if (message.attempts >= settings.maxAttempts) {
      await markFailed(db, message, lastError, 'dead');
      console.error(`[outbox] ${message.topic} message ${message.id} is dead after ${tries} tries, and is kept in the outbox table: ${description}`);
      return;
    }
    const delay = retryDelayMs(message.attempts, settings);
    await markFailed(db, message, lastError, delay);
    console.warn(`[outbox] ${message.topic} message ${message.id} failed (try ${tries}), next try in ${duration(delay)}: ${description}`);
  }

  async function releaseHeld(): Promise<void> {
    const unstarted = held;
    held = [];
    if (unstarted.length === 0) return;
    try {
      await release(db, unstarted);
      console.info(`[outbox] handed back ${unstarted.length} claimed message(s) not started`);
    } catch (error) {
      // Their leases run out instead.
      logUnexpected('outbox', error);
    }
  }

  const timer = setInterval(() => void requestPass({ schedules: true }), settings.pollMs);
  // The worker alone never keeps a process (or a test run) alive.
  timer.unref();
  // A nudge waits a moment so that the messages of a busy second go out in one batch.
  let nudge: NodeJS.Timeout | undefined;
  const unsubscribe = onOutboxWork(() => {
    nudge ??= setTimeout(() => {
      nudge = undefined;
      void requestPass({ schedules: false });
    }, NUDGE_DELAY_MS).unref();
  });
  void requestPass({ schedules: true });

  return {
    drain: () => requestPass({ schedules: true }),
    async stop() {
      stopping = true;
      clearInterval(timer);
      clearTimeout(nudge);
      unsubscribe();
      let timeout: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        running.then(() => true),
        new Promise<boolean>((resolve) => {
          timeout = setTimeout(resolve, settings.stopTimeoutMs, false);
        }),
      ]);
      clearTimeout(timeout);
      if (!finished) {
        console.warn(`[outbox] stopping while a message is still being handled: its lease runs out and another worker tries it again`);
      }
      await releaseHeld();
    },
  };
}

/** Mail servers quote the addresses they refuse: failures are stored and logged without them. */
function withoutAddresses(text: string): string {
  return text.replace(/[\w.+-]+@(?:[\w-]+\.)+[a-z]{2,}\b/gi, '…@…');
}

function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
