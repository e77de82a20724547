import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  cc?: string[];
  subject: string;
  text: string;
}

export interface DevMailboxMessage {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  sentAt: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Present only when no SMTP server is configured: what was "sent", newest first. */
  devMailbox?: DevMailboxMessage[];
}

const DEV_MAILBOX_SIZE = 200;

/** SMTP through nodemailer when `smtpUrl` is given; otherwise the log and a development mailbox. */
export function createMailer(options: { smtpUrl: string | undefined; from: string; clock?: () => Date }): Mailer {
  const clock = options.clock ?? (() => new Date());
  if (options.smtpUrl) {
    // Bounded waits: a stalled mail server fails the send (the outbox tries again later) well
    // within the outbox's lease, instead of holding it for nodemailer's default of 10 minutes.
    // Settings in the URL's query (`?socketTimeout=…`) take precedence.
    const transport = nodemailer.createTransport({ url: options.smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
    return {
      async send(message) {
        await transport.sendMail({ from: options.from, to: message.to, cc: message.cc, subject: message.subject, text: message.text });
      },
    };
  }
  const devMailbox: DevMailboxMessage[] = [];
  return {
    devMailbox,
    async send(message) {
      const entry = { to: [message.to], cc: message.cc ?? [], subject: message.subject, text: message.text, sentAt: clock().toISOString() };
      devMailbox.unshift(entry);
      devMailbox.length = Math.min(devMailbox.length, DEV_MAILBOX_SIZE);
      console.info(`[mail] to ${entry.to.join(', ')}${entry.cc.length ? ` cc ${entry.cc.join(', ')}` : ''}: ${entry.subject}\n${entry.text}`);
    },
  };
}
