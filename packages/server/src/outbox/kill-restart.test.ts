import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { testEngines } from '@aim/db/testing';
import { describe, expect, it } from 'vitest';
import { killServers, serverMain, serverStorage, startBuiltServer as startServer, until } from '../testing/built-server.js';
import { startSmtpSink } from '../testing/smtp-sink.js';

// LIC-13: the built server (`pnpm build` first; `pnpm test` does) is killed with SIGKILL right
// after it committed a code request, before anything was sent, and started again.

describe.each(testEngines())('LIC-13 a killed server loses no queued email on %s', (engine) => {
  it('sends a code request committed just before kill -9 once, after the restart', async () => {
    if (!existsSync(serverMain)) throw new Error(`${serverMain} is missing: run \`pnpm build\` first`);
    const smtp = await startSmtpSink();
    const data = await serverStorage(engine, 'kill-test');
    try {
      const email = `killed-${engine}@example.com`;
      // The worker off: the request commits its outbox row, and nothing sends it.
      const first = await startServer({ ...data.env, SMTP_URL: smtp.url, AIM_OUTBOX_WORKER: 'off' });
      const answer = await fetch(`${first.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation ($email: String!) { requestSignUpCode(email: $email) }', variables: { email } }),
      });
      expect(await answer.json()).toEqual({ data: { requestSignUpCode: true } });
      first.child.kill('SIGKILL');
      await once(first.child, 'exit');
      expect(smtp.mails).toEqual([]);

      const second = await startServer({ ...data.env, SMTP_URL: smtp.url });
      await until(() => smtp.mailsTo(email).length > 0, 'the code to be mailed', second.log);
      expect(smtp.latestCode(email)).toMatch(/^\d{6}$/);
      // Several polls later, still once.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(smtp.mailsTo(email)).toHaveLength(1);

      second.child.kill('SIGTERM');
      const [code] = await once(second.child, 'exit');
      expect(code).toBe(0);
      expect(second.log()).not.toMatch(/\[outbox\].*(failed|dead|unexpected)/);
    } finally {
      await killServers();
      await smtp.close();
      await data.remove();
    }
  });
});
