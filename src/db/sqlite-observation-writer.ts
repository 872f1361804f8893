/**
 * An observation store that writes on a worker thread (`sqlite-observation-worker.ts`) with its own connection.
 * A write resolves when the worker has committed the batch. The thread starts on the first write (after
 * migrations) and ends with the database.
 */
import { Worker } from 'node:worker_threads';
import { packRows } from './observation-rows.js';
import type { ObservationStore } from './observation-store.js';
import { workerScript } from './worker-script.js';

interface Waiting {
  resolve(ids: (number | null)[]): void;
  reject(error: Error): void;
}

export function sqliteObservationWriter(file: string): ObservationStore & { close(): Promise<void> } {
  let worker: Promise<Worker> | undefined;
  const waiting = new Map<number, Waiting>();
  let nextId = 1;

  const start = async () => {
    const thread = new Worker(await workerScript('sqlite-observation-worker'), { workerData: { file } });
    thread.on('message', (message: { id?: number; ids?: Float64Array; error?: string }) => {
      if (message.id === undefined) return;
      const entry = waiting.get(message.id);
      waiting.delete(message.id);
      if (!entry) return;
      if (message.error !== undefined) entry.reject(new Error(message.error));
      else entry.resolve(Array.from(message.ids!, (id) => (Number.isNaN(id) ? null : id)));
    });
    thread.on('error', (error) => {
      for (const entry of waiting.values()) entry.reject(error);
      waiting.clear();
      worker = undefined;
    });
    return thread;
  };

  return {
    async write(rows, rules, revisions) {
      const thread = await (worker ??= start());
      const id = nextId++;
      const packed = packRows(rows);
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        // Revisions are few (a spike now and then): cloned as they are.
        const revised = revisions && revisions.length > 0 ? revisions : undefined;
        thread.postMessage({ id, timeZone: rules.timeZone, rows: packed, revisions: revised }, [
          packed.numbers.buffer as ArrayBuffer,
        ]);
      });
    },
    async close() {
      if (!worker) return;
      const thread = await worker;
      worker = undefined;
      // Messages are handled in order: every write sent before this one is committed when it answers.
      await new Promise<void>((resolve) => {
        const done = (message: { closed?: boolean }) => {
          if (message.closed) resolve();
        };
        thread.on('message', done);
        thread.once('exit', () => resolve());
        thread.postMessage({ close: true });
      });
      await thread.terminate();
    },
  };
}
