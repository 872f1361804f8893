/**
 * Delivers the mail outbox over SMTP when PLAZA_SMTP_URL is set. A delivery pass sends every due message, one at
 * a time: each is claimed first (so that several nodes never send the same one), then marked sent, or failed
 * with a growing wait before the next attempt (1, 2, 4 ... minutes, at most an hour), so a message is never
 * lost to a failing server. A pass runs when a message is queued, every 30 seconds, and never twice at once.
 * Message bodies are never logged: they can hold sign-in and password-reset links.
 */
import type { FastifyInstance } from 'fastify';
import nodemailer from 'nodemailer';
import type { OutboxService, QueuedMail } from './outbox.service.js';

export const POLL_MS = 30_000;
/** How long a claimed message is kept from other mailers while it is being sent. */
export const CLAIM_MS = 10 * 60_000;
/** How long closing the app waits for a message being sent before it cuts the connection. */
const STOP_GRACE_MS = 5_000;

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/** Where messages go: SMTP in the server, anything that sends in tests. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailerLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface MailerOptions {
  outbox: Pick<OutboxService, 'due' | 'claim' | 'markSent' | 'markFailed' | 'onEnqueue'>;
  transport: MailTransport;
  /** The From address of every message. */
  from: string;
  /** The domain of Message-IDs (the portal's host). */
  domain: string;
  log: MailerLog;
  pollMs?: number;
  /** Messages read from the outbox per query. */
  batch?: number;
  now?: () => Date;
}

const DEFAULTS = { pollMs: POLL_MS, batch: 20, now: () => new Date() } satisfies Partial<MailerOptions>;

/** An SMTP transport from a URL (smtp:// or smtps://, user and password in it), with connections reused. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        // Notices are sent by the portal, not a person: auto-responders should not answer them (RFC 3834).
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transporter.close(),
  };
}

/** What went wrong, without the message: the SMTP reply when there is one. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'delivery failed';
  const smtp = error as Error & { responseCode?: number; code?: string };
  return [smtp.code, smtp.responseCode, error.message].filter((part) => part !== undefined).join(' ');
}

export function createMailer(options: MailerOptions) {
  const { outbox, transport, from, domain, log } = options;
  const { pollMs, batch, now } = { ...DEFAULTS, ...options };
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;

  async function deliver(mail: QueuedMail): Promise<void> {
    if (!(await outbox.claim(mail.id, new Date(now().getTime() + CLAIM_MS)))) return;
    try {
      await transport.send({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        messageId: `<${mail.id}@${domain}>`,
      });
    } catch (error) {
      const attempts = mail.attempts + 1;
      const problem = describe(error);
      await outbox.markFailed(mail.id, problem, attempts);
      log.warn({ mail: mail.id, kind: mail.kind, attempts, problem }, 'mail delivery failed; will retry');
      return;
    }
    await outbox.markSent(mail.id);
  }

  async function pass(): Promise<void> {
    do {
      again = false;
      for (;;) {
        const due = await outbox.due(batch);
        for (const mail of due) {
          if (stopped) return;
          await deliver(mail);
        }
        if (due.length < batch) break;
      }
    } while (again && !stopped);
  }

  /** Runs a delivery pass now, or right after the one that is running. */
  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((error: unknown) => log.error({ problem: describe(error) }, 'mail delivery pass failed'))
      .finally(() => {
        running = undefined;
      });
  }

  return {
    start(): void {
      if (timer || stopped) return;
      unsubscribe = outbox.onEnqueue(wake);
      timer = setInterval(wake, pollMs);
      timer.unref();
      wake();
    },

    wake,

    /** Resolves when no pass is running (tests, shutdown). */
    async idle(): Promise<void> {
      while (running) await running;
    },

    /**
     * Stops waking and closes the transport once the message being sent is through (or after a few seconds: a
     * send cut short is marked failed and retried by the next start).
     */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      unsubscribe?.();
      if (running) {
        let grace: NodeJS.Timeout | undefined;
        await Promise.race([running, new Promise((resolve) => (grace = setTimeout(resolve, STOP_GRACE_MS)))]);
        clearTimeout(grace);
      }
      transport.close();
      await running;
    },
  };
}

export type Mailer = ReturnType<typeof createMailer>;

/**
 * Starts delivering the outbox when PLAZA_SMTP_URL is set (once the app is ready; stops when it closes). Without
 * it, mail stays in the outbox, readable in the development mailbox at /staff/mailbox.
 */
export function startMailer(
  http: FastifyInstance,
  {
    smtpUrl,
    mailFrom,
    publicUrl,
    outbox,
  }: { smtpUrl: string | undefined; mailFrom: string; publicUrl: string; outbox: MailerOptions['outbox'] },
): Mailer | undefined {
  if (!smtpUrl) return undefined;
  const mailer = createMailer({
    outbox,
    transport: smtpTransport(smtpUrl),
    from: mailFrom,
    domain: new URL(publicUrl).hostname || 'localhost',
    log: http.log,
  });
  http.addHook('onReady', async () => mailer.start());
  http.addHook('onClose', async () => mailer.stop());
  return mailer;
}
