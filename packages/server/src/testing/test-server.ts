import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { type TestEngine, createTestDatabase } from '@aim/db/testing';
import { type AppOptions, createApp } from '../app.js';
import { createMailer } from '../mail/mailer.js';
import { defaultSchedules } from '../outbox/schedules.js';
import { startOutboxWorker } from '../outbox/worker.js';
import type { Services } from '../services.js';
import { startSmtpSink } from './smtp-sink.js';

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: { code?: string; fieldErrors?: Array<{ path: string; message: string }> } }>;
  headers: Headers;
}

let clientNumber = 0;

/**
 * AIM on a real port over a fresh test database, with email to a real SMTP sink through the
 * outbox worker, and a clock the test can move. Clients keep their own cookies, like separate
 * browsers. Email goes out after the answer, as in production: `deliverOutbox()` before reading it.
 */
export async function startTestServer(engine: TestEngine, options: Pick<AppOptions, 'bulkUploads'> = {}) {
  const database = await createTestDatabase(engine);
  const smtp = await startSmtpSink();
  let now = new Date();
  const clock = () => now;
  const services: Services = {
    db: database.db,
    mailer: createMailer({ smtpUrl: smtp.url, from: 'AIM <no-reply@aim.test>', clock }),
    clock,
  };
  // One trusted proxy: each test client's X-Forwarded-For is its own address for the rate limits.
  const worker = startOutboxWorker(services, { schedules: defaultSchedules({ cleanupMinutes: 60 }) });
  const { app, stop } = await createApp(services, { ...options, trustedProxies: 1 });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function client(options: { token?: string } = {}) {
    const cookies = new Map<string, string>();
    const address = `10.0.${Math.floor(++clientNumber / 250)}.${(clientNumber % 250) + 1}`;
    return {
      cookies,
      address,
      async gql<Data = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<Data>> {
        const response = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': address,
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...(cookies.size ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
          },
          body: JSON.stringify({ query, variables }),
        });
        for (const header of response.headers.getSetCookie()) {
          const [pair] = header.split(';');
          const [name, value] = (pair ?? '').split('=');
          if (!name) continue;
          if (value && !/Expires=Thu, 01 Jan 1970/i.test(header)) cookies.set(name, value);
          else cookies.delete(name);
        }
        const body = (await response.json()) as Omit<GraphQLResponse<Data>, 'status' | 'headers'>;
        return { ...body, status: response.status, headers: response.headers };
      },
    };
  }

  return {
    origin,
    services,
    db: database.db,
    smtp,
    client,
    advanceMinutes(minutes: number) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    /** Sends everything queued so far (codes, notices) to the SMTP sink, and resolves once it is there. */
    deliverOutbox: () => worker.drain(),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await worker.stop();
      await stop();
      await smtp.close();
      await database.close();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
export type TestClient = ReturnType<TestServer['client']>;

/** The field paths of a BAD_USER_INPUT answer, for compact assertions. */
export function fieldErrorPaths(response: GraphQLResponse<unknown>): string[] {
  return (response.errors ?? []).flatMap((error) => (error.extensions?.fieldErrors ?? []).map((fieldError) => fieldError.path));
}

export function errorCode(response: GraphQLResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
