import { createTestDatabase, testEngines } from '@aim/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { startOutboxWorker } from '../outbox/worker.js';
import { type TestServer, startTestServer } from '../testing/test-server.js';
import { createMailer } from './mailer.js';

describe('email without an SMTP server', () => {
  it('goes to the log and the development mailbox, newest first', async () => {
    const mailer = createMailer({ smtpUrl: undefined, from: 'AIM <no-reply@aim.test>' });
    await mailer.send({ to: 'a@example.com', subject: 'first', text: 'one' });
    await mailer.send({ to: 'b@example.com', cc: ['c@example.com'], subject: 'second', text: 'two' });
    expect(mailer.devMailbox?.map((message) => message.subject)).toEqual(['second', 'first']);
    expect(mailer.devMailbox?.[0]).toMatchObject({ to: ['b@example.com'], cc: ['c@example.com'], text: 'two' });
  });
});

describe.each(testEngines().slice(0, 1))('the development mailbox route on %s', (engine) => {
  let aim: TestServer;
  beforeAll(async () => {
    aim = await startTestServer(engine);
  });
  afterAll(() => aim?.close());

  it('is absent when email goes to an SMTP server', async () => {
    expect((await fetch(`${aim.origin}/api/dev/mailbox`)).status).toBe(404);
  });

  it('lists what was sent when there is no SMTP server', async () => {
    // A database of its own: the test server's worker would send this sign-up code to its SMTP sink.
    const database = await createTestDatabase(engine);
    const services = { db: database.db, clock: () => new Date(), mailer: createMailer({ smtpUrl: undefined, from: 'AIM <no-reply@aim.test>' }) };
    const worker = startOutboxWorker(services);
    const { app, stop } = await createApp(services);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const address = server.address();
      const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { requestSignUpCode(email: "new@example.com") }' }),
      });
      await worker.drain();
      const body = (await (await fetch(`${origin}/api/dev/mailbox`)).json()) as { messages: Array<{ to: string[]; subject: string }> };
      expect(body.messages[0]).toMatchObject({ to: ['new@example.com'], subject: expect.stringMatching(/verification code: \d{6}/) });
    } finally {
      server.closeAllConnections();
      server.close();
      await worker.stop();
      await stop();
      await database.close();
    }
  });
});
