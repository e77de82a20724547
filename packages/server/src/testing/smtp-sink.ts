import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SunkMail {
  from: string;
  to: string[];
  raw: string;
  /** The raw message with quoted-printable soft line breaks undone, for matching text. */
  text: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives: tests read the codes AIM sends. */
export async function startSmtpSink() {
  const mails: SunkMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
          text: raw.replace(/=\r?\n/g, ''),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** Mail delivered to `address` (as To or Cc), oldest first. */
    mailsTo: (address: string) => mails.filter((mail) => mail.to.includes(address)),
    /** The 6-digit code in the newest mail to `address`. */
    latestCode(address: string): string {
      const mail = mails.filter((each) => each.to.includes(address)).at(-1);
      const code = mail && /code is (\d{6})/.exec(mail.raw)?.[1];
      if (!code) throw new Error(`no code was mailed to ${address}`);
      return code;
    },
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}
