/**
 * A few threads that run read queries on SQLite (see `sqlite-query-worker.ts`). A query that passes its time
 * limit is answered with a timeout at once; its thread is let go and replaced. SQLite cannot be interrupted
 * from another thread through the driver, so the abandoned statement finishes on its own and its thread exits.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerScript } from './worker-script.js';

export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
}

interface Job {
  id: number;
  sql: string;
  params: unknown[];
  resolve: (rows: unknown[][]) => void;
  reject: (error: Error) => void;
  timeoutMs: number;
  /** Runs from the moment the query is asked: a query that waits for a thread also counts its wait. */
  timer: NodeJS.Timeout | null;
  settled: boolean;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

export interface QueryPool {
  run(sql: string, params: readonly unknown[], timeoutMs: number): Promise<unknown[][]>;
  close(): Promise<void>;
}

export function sqliteQueryPool(file: string, size = Math.max(2, availableParallelism())): QueryPool {
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let spawning = 0;
  // Threads let go with a query still running on them: until they end, fewer new ones start, so that a flood
  // of slow queries cannot pile up threads.
  let abandoned = 0;

  function settle(job: Job, outcome: { rows: unknown[][] } | { error: Error }): void {
    if (job.settled) return;
    job.settled = true;
    if (job.timer) clearTimeout(job.timer);
    if ('rows' in outcome) job.resolve(outcome.rows);
    else job.reject(outcome.error);
  }

  async function spawn(): Promise<Slot> {
    const worker = new Worker(await workerScript('sqlite-query-worker'), { workerData: { file } });
    const slot: Slot = { worker, job: null };
    worker.on('message', (message: { id: number; rows?: unknown[][]; error?: string }) => {
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      slot.job = null;
      settle(
        job,
        message.error !== undefined ? { error: new Error(message.error) } : { rows: message.rows ?? [] },
      );
      pump();
    });
    worker.on('error', (error) => {
      const job = slot.job;
      slot.job = null;
      if (job) settle(job, { error });
      letGo(slot);
    });
    worker.unref();
    return slot;
  }

  /** Takes a thread out of service; it exits once its current statement returns. */
  function letGo(slot: Slot): void {
    const index = slots.indexOf(slot);
    if (index < 0) return;
    slots.splice(index, 1);
    abandoned++;
    slot.worker.once('exit', () => {
      abandoned--;
      pump();
    });
    void slot.worker.terminate();
    pump();
  }

  function timeout(job: Job): void {
    const queued = queue.indexOf(job);
    if (queued >= 0) queue.splice(queued, 1);
    const slot = slots.find((s) => s.job === job);
    settle(job, { error: new QueryTimeoutError(`query ran past ${job.timeoutMs} ms`) });
    if (slot) {
      slot.job = null;
      letGo(slot);
    }
  }

  function pump(): void {
    if (closed) return;
    while (queue.length > 0) {
      const idle = slots.find((s) => s.job === null);
      if (idle) {
        const job = queue.shift()!;
        idle.job = job;
        idle.worker.postMessage({ id: job.id, sql: job.sql, params: job.params });
        continue;
      }
      if (slots.length + spawning < size && abandoned < size) {
        spawning++;
        spawn().then(
          (slot) => {
            spawning--;
            slots.push(slot);
            pump();
          },
          (error: Error) => {
            spawning--;
            const job = queue.shift();
            if (job) settle(job, { error });
          },
        );
      }
      return;
    }
  }

  return {
    run(sql, params, timeoutMs) {
      if (closed) return Promise.reject(new Error('the query pool is closed'));
      return new Promise((resolve, reject) => {
        const job: Job = {
          id: nextId++,
          sql,
          params: [...params],
          resolve,
          reject,
          timeoutMs,
          timer: null,
          settled: false,
        };
        job.timer = setTimeout(() => timeout(job), timeoutMs);
        queue.push(job);
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) settle(job, { error: new Error('the query pool is closed') });
      await Promise.all(slots.map((s) => s.worker.terminate()));
      slots.length = 0;
    },
  };
}
