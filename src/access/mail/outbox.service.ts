/**
 * The mail outbox: every message Plaza sends is first a row here, written with the change that causes it, then
 * delivered by the mailer (SMTP when PLAZA_SMTP_URL is set; otherwise it stays in the development mailbox that
 * staff can read at /staff/mailbox).
 */
import { randomUUID } from 'node:crypto';
import type { OutboxTable } from '../../db/access-schema.js';
import type { Database } from '../../db/database.js';

export interface Mail {
  to: string;
  subject: string;
  /** Plain text. */
  body: string;
  /** What kind of notice, for the mailbox and for tests: `verify_email`, `password_reset`, `access_decision` ... */
  kind: string;
}

export interface QueuedMail extends Mail {
  id: string;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
}

const present = (row: OutboxTable): QueuedMail => ({
  id: row.id,
  to: row.to_address,
  subject: row.subject,
  body: row.body,
  kind: row.kind,
  createdAt: row.created_at,
  sentAt: row.sent_at,
  attempts: row.attempts,
  lastError: row.last_error,
});

export function outboxService({
  db,
  now = () => new Date(),
}: {
  db: Pick<Database, 'kysely'>;
  now?: () => Date;
}) {
  const k = db.kysely;
  const listeners = new Set<() => void>();
  return {
    async enqueue(mail: Mail): Promise<string> {
      const id = randomUUID();
      const at = now().toISOString();
      await k
        .insertInto('outbox')
        .values({
          id,
          to_address: mail.to.trim().toLowerCase(),
          subject: mail.subject.slice(0, 300),
          body: mail.body,
          kind: mail.kind,
          created_at: at,
          sent_at: null,
          attempts: 0,
          next_attempt_at: at,
          last_error: null,
        })
        .execute();
      for (const listener of listeners) listener();
      return id;
    },

    /** The newest messages first, optionally to one address (the development mailbox, tests). */
    async list(options: { to?: string; limit?: number } = {}): Promise<QueuedMail[]> {
      const rows = await k
        .selectFrom('outbox')
        .selectAll()
        .$if(options.to !== undefined, (q) => q.where('to_address', '=', options.to!.toLowerCase()))
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(options.limit ?? 100)
        .execute();
      return rows.map(present);
    },

    async get(id: string): Promise<QueuedMail | undefined> {
      const row = await k.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? present(row) : undefined;
    },

    /** Messages due for delivery, oldest first. */
    async due(limit = 50): Promise<QueuedMail[]> {
      const rows = await k
        .selectFrom('outbox')
        .selectAll()
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', now().toISOString())
        .orderBy('created_at')
        .limit(limit)
        .execute();
      return rows.map(present);
    },

    /**
     * Takes a due message for one delivery attempt: moves its next attempt to `until`, so that no other node's
     * mailer sends it meanwhile (and a crash mid-send retries it then). False when it was not due any more.
     */
    async claim(id: string, until: Date): Promise<boolean> {
      const result = await k
        .updateTable('outbox')
        .set({ next_attempt_at: until.toISOString() })
        .where('id', '=', id)
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', now().toISOString())
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async markSent(id: string): Promise<void> {
      await k
        .updateTable('outbox')
        .set({ sent_at: now().toISOString(), last_error: null })
        .where('id', '=', id)
        .execute();
    },

    /** Records a failed attempt; the next one waits longer each time (1, 2, 4 ... minutes, at most an hour). */
    async markFailed(id: string, error: string, attempts: number): Promise<void> {
      const wait = Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
      await k
        .updateTable('outbox')
        .set({
          attempts,
          last_error: error.slice(0, 500),
          next_attempt_at: new Date(now().getTime() + wait).toISOString(),
        })
        .where('id', '=', id)
        .execute();
    },

    /** Called after each enqueue (the mailer wakes up instead of polling). */
    onEnqueue(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type OutboxService = ReturnType<typeof outboxService>;
