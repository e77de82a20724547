import { type DatabaseHandle, tables } from '@aim/db';
import { createTestDatabase, testEngines } from '@aim/db/testing';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailMessage, Mailer } from '../mail/mailer.js';
import { cleanUpExpired } from './cleanup.js';
import { enqueueEmail } from './enqueue.js';
import { defaultSchedules } from './schedules.js';
import { type OutboxWorker, type OutboxWorkerOptions, retryDelayMs, startOutboxWorker } from './worker.js';

const message = (to: string): MailMessage => ({ to, subject: 'Your license was confirmed', text: 'It was.' });

/** A mailer that keeps what it was given; `send` may fail or wait first. */
function recordingMailer(before: (message: MailMessage) => Promise<void> = async () => {}): Mailer & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async send(mail) {
      await before(mail);
      sent.push(mail.to);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe('retry delays', () => {
  it('double from the base after each failure, up to the cap', () => {
    const settings = { retryBaseMs: 60_000, retryCapMs: 3_600_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempts) => retryDelayMs(attempts, settings) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });
});

describe.each(testEngines())('LIC-13 the outbox on %s', (engine) => {
  let database: DatabaseHandle;
  const workers: OutboxWorker[] = [];
  let logs: { warn: string[]; error: string[]; info: string[] };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database?.close());
  beforeEach(async () => {
    await database.db.delete(tables.outbox);
    logs = { warn: [], error: [], info: [] };
    for (const level of ['warn', 'error', 'info'] as const) {
      vi.spyOn(console, level).mockImplementation((line: unknown) => void logs[level].push(String(line)));
    }
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    vi.restoreAllMocks();
  });

  /** A worker on the test database; the poll is slow so the test decides when work happens. */
  function startWorker(mailer: Mailer, options: OutboxWorkerOptions = {}): OutboxWorker {
    const worker = startOutboxWorker({ db: database.db, mailer, clock: () => new Date() }, { pollMs: 60_000, ...options });
    workers.push(worker);
    return worker;
  }

  const rows = () => database.db.select().from(tables.outbox).orderBy(tables.outbox.id);

  it('sends a message queued in a transaction that commits, once, and nothing for one that rolls back', async () => {
    const mailer = recordingMailer();
    const worker = startWorker(mailer);
    await database.db.transaction(async (tx) => {
      await enqueueEmail(tx, message('committed@example.com'));
    });
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueEmail(tx, message('rolled-back@example.com'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await worker.drain();
    await worker.drain();

    expect(mailer.sent).toEqual(['committed@example.com']);
    expect(await rows()).toEqual([
      expect.objectContaining({ topic: 'email', status: 'done', attempts: 1, lockedUntil: null, doneAt: expect.any(Date) }),
    ]);
  });

  it('retries a failing send after growing waits, then keeps it as dead after the last try, logged without the address', async () => {
    const mailer = recordingMailer(async () => {
      throw new Error('Can\'t send mail - all recipients were rejected: 550 5.1.1 <nobody@example.com>: Recipient address rejected');
    });
    const send = vi.spyOn(mailer, 'send');
    const worker = startWorker(mailer, { retryBaseMs: 250, retryCapMs: 600, maxAttempts: 4 });
    await enqueueEmail(database.db, message('nobody@example.com'));
    await worker.drain();

    const [first] = await database.db
      .select({ attempts: tables.outbox.attempts, status: tables.outbox.status, lastError: tables.outbox.lastError, waiting: sql<boolean>`${tables.outbox.runAt} > now()` })
      .from(tables.outbox);
    expect(first).toEqual({ attempts: 1, status: 'pending', lastError: "Error: Can't send mail - all recipients were rejected: 550 5.1.1 <…@…>: Recipient address rejected", waiting: true });
    // Not due yet: a drain right away does not try again.
    await worker.drain();
    expect(send).toHaveBeenCalledTimes(1);

    await waitFor(async () => {
      await worker.drain();
      return (await rows())[0]?.status === 'dead';
    }, 'the message to be dead');
    expect(send).toHaveBeenCalledTimes(4);
    expect(await rows()).toEqual([expect.objectContaining({ status: 'dead', attempts: 4, lockedUntil: null, doneAt: null })]);
    expect(logs.warn).toEqual([
      expect.stringMatching(/^\[outbox\] email message \d+ failed \(try 1 of 4\), next try in 250 ms: Error: .*<…@…>: Recipient address rejected\n\s+at /),
      expect.stringMatching(/^\[outbox\] email message \d+ failed \(try 2 of 4\), next try in 500 ms: /),
      expect.stringMatching(/^\[outbox\] email message \d+ failed \(try 3 of 4\), next try in 600 ms: /),
    ]);
    expect(logs.error).toEqual([expect.stringMatching(/^\[outbox\] email message \d+ is dead after 4 of 4 tries/)]);
    expect([...logs.warn, ...logs.error].join('\n')).not.toContain('nobody@example.com');

    // Dead is final.
    await sleep(700);
    await worker.drain();
    expect(send).toHaveBeenCalledTimes(4);
  });

  it('fails a message of a topic it has no handler for, like any failed try', async () => {
    const worker = startWorker(recordingMailer(), { retryBaseMs: 60_000 });
    await database.db.insert(tables.outbox).values({ topic: 'no-such-topic', payload: {} });
    await worker.drain();
    expect(await rows()).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 1, lastError: expect.stringContaining('no handler for outbox topic "no-such-topic"') }),
    ]);
  });

  it('never sends a message twice with two workers draining 200 messages at once (FOR UPDATE SKIP LOCKED)', async () => {
    // Each send yields, so the workers' claims and sends interleave.
    const mailers = [0, 1].map(() => recordingMailer(() => new Promise((resolve) => setImmediate(resolve))));
    const pair = mailers.map((mailer) => startWorker(mailer, { batchSize: 10 }));
    await database.db.insert(tables.outbox).values(Array.from({ length: 200 }, (_, n) => ({ topic: 'email', payload: message(`reader${n}@example.com`) })));
    await Promise.all(pair.flatMap((worker) => [worker.drain(), worker.drain()]));

    const sent = mailers.flatMap((mailer) => mailer.sent);
    expect(sent).toHaveLength(200);
    expect(new Set(sent).size).toBe(200);
    expect(mailers.every((mailer) => mailer.sent.length > 0)).toBe(true);
    const all = await rows();
    expect(all.every((row) => row.status === 'done' && row.attempts === 1)).toBe(true);
  });

  it('lets another worker take a message after the lease of the worker that claimed it runs out', async () => {
    // This worker claims the message and never finishes: as good as killed.
    const stuck = startWorker({ send: () => new Promise<void>(() => {}) }, { leaseMs: 300, stopTimeoutMs: 20 });
    await enqueueEmail(database.db, message('patient@example.com'));
    void stuck.drain();
    await waitFor(async () => (await rows())[0]?.attempts === 1, 'the first claim');

    const mailer = recordingMailer();
    const survivor = startWorker(mailer, { leaseMs: 300 });
    await survivor.drain();
    expect(mailer.sent).toEqual([]);
    await sleep(350);
    await survivor.drain();
    expect(mailer.sent).toEqual(['patient@example.com']);
    expect(await rows()).toEqual([expect.objectContaining({ status: 'done', attempts: 2 })]);

    await stuck.stop();
    expect(logs.warn).toContainEqual(expect.stringMatching(/stopping while a message is still being handled/));
  });

  it('stops after the message being sent, and hands back the rest of its batch untried', async () => {
    let finishFirst!: () => void;
    const firstSending = new Promise<void>((resolve) => {
      finishFirst = resolve;
    });
    const mailer = recordingMailer(async () => {
      if (mailer.sent.length === 0) await firstSending;
    });
    const worker = startWorker(mailer);
    await database.db.insert(tables.outbox).values(Array.from({ length: 5 }, (_, n) => ({ topic: 'email', payload: message(`batch${n}@example.com`) })));
    void worker.drain();
    await waitFor(async () => (await rows()).every((row) => row.attempts === 1), 'the batch to be claimed');

    const stopped = worker.stop();
    finishFirst();
    await stopped;
    expect(mailer.sent).toEqual(['batch0@example.com']);
    const [first, ...rest] = await rows();
    expect(first).toMatchObject({ status: 'done', attempts: 1 });
    expect(rest.map(({ status, attempts, lockedUntil }) => ({ status, attempts, lockedUntil }))).toEqual(
      Array.from({ length: 4 }, () => ({ status: 'pending', attempts: 0, lockedUntil: null })),
    );
    expect(logs.info).toContainEqual('[outbox] handed back 4 claimed message(s) not started');

    // Due at once for the next worker.
    const next = recordingMailer();
    await startWorker(next).drain();
    expect(next.sent).toEqual(['batch1@example.com', 'batch2@example.com', 'batch3@example.com', 'batch4@example.com']);
  });

  it('runs a due schedule in one of several workers only, then not before its interval', async () => {
    let runs = 0;
    const name = `test-schedule-${engine}`;
    const schedules = [{ name, intervalMs: 60 * 60_000, run: async () => void runs++ }];
    const several = [0, 1, 2].map(() => startWorker(recordingMailer(), { schedules }));
    await Promise.all(several.map((worker) => worker.drain()));
    await Promise.all(several.map((worker) => worker.drain()));
    expect(runs).toBe(1);
    const [job] = await database.db
      .select({ inAnHour: sql<boolean>`${tables.scheduledJobs.nextRunAt} > now() + interval '59 minutes'` })
      .from(tables.scheduledJobs)
      .where(eq(tables.scheduledJobs.name, name));
    expect(job).toEqual({ inAnHour: true });

    await database.db.update(tables.scheduledJobs).set({ nextRunAt: sql`now()` }).where(eq(tables.scheduledJobs.name, name));
    await Promise.all(several.map((worker) => worker.drain()));
    expect(runs).toBe(2);
  });

  it('cleans up on the schedule: expired codes and sessions, spent rate-limit windows and sign-in failures, week-old sent messages', async () => {
    const { db } = database;
    const now = new Date();
    const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
    const [user] = await db
      .insert(tables.users)
      .values({ email: `cleanup-${engine}@example.com`, displayName: 'P', firstName: 'P', lastName: 'L', passwordHash: 'not a usable hash' })
      .returning();
    const userId = user?.id ?? '';
    await db.insert(tables.verificationCodes).values([
      { email: 'expired@example.com', purpose: 'SIGN_UP', codeHash: 'x', expiresAt: minutes(-1) },
      { email: 'live@example.com', purpose: 'SIGN_UP', codeHash: 'x', expiresAt: minutes(9) },
    ]);
    await db.insert(tables.sessions).values([
      { secretHash: 'expired-session', userId, expiresAt: minutes(-1) },
      { secretHash: 'live-session', userId, expiresAt: minutes(60) },
    ]);
    await db.insert(tables.rateLimitCounters).values([
      { key: 'cleanup:old', windowStart: minutes(-2 * 24 * 60), count: 3 },
      { key: 'cleanup:current', windowStart: minutes(-5), count: 3 },
    ]);
    await db.insert(tables.signInFailures).values([
      { email: 'forgotten@example.com', failures: 3, lastFailureAt: minutes(-16) },
      { email: 'lock-over@example.com', failures: 10, lastFailureAt: minutes(-20), lockedUntil: minutes(-5) },
      { email: 'recent@example.com', failures: 3, lastFailureAt: minutes(-5) },
      { email: 'locked@example.com', failures: 10, lastFailureAt: minutes(-5), lockedUntil: minutes(10) },
    ]);
    await db.insert(tables.outbox).values([
      { topic: 'email', payload: message('old-done@example.com'), status: 'done', doneAt: sql`now() - interval '8 days'` },
      { topic: 'email', payload: message('new-done@example.com'), status: 'done', doneAt: sql`now() - interval '6 days'` },
      { topic: 'email', payload: message('old-dead@example.com'), status: 'dead', createdAt: sql`now() - interval '30 days'` },
    ]);

    // A fresh database: the cleanup's first run is due at once.
    await startWorker(recordingMailer(), { schedules: defaultSchedules({ cleanupMinutes: 60 }) }).drain();

    expect((await db.select().from(tables.verificationCodes)).map((row) => row.email)).toEqual(['live@example.com']);
    expect((await db.select().from(tables.sessions).where(eq(tables.sessions.userId, userId))).map((row) => row.secretHash)).toEqual([
      'live-session',
    ]);
    expect(
      (await db.select().from(tables.rateLimitCounters).where(inArray(tables.rateLimitCounters.key, ['cleanup:old', 'cleanup:current']))).map((row) => row.key),
    ).toEqual(['cleanup:current']);
    expect((await db.select().from(tables.signInFailures)).map((row) => row.email).sort()).toEqual(['locked@example.com', 'recent@example.com']);
    expect((await rows()).map((row) => (row.payload as MailMessage).to)).toEqual(['new-done@example.com', 'old-dead@example.com']);

    // Safe to run at any time: nothing live goes.
    await cleanUpExpired({ db, clock: () => now });
    expect(await db.select().from(tables.verificationCodes)).toHaveLength(1);
  });
});
