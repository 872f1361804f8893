/**
 * Runs a job now and then every interval, one run at a time (a slow run delays the next instead of overlapping
 * it). The timer does not keep the process alive; `stop` clears it and waits for a run in progress.
 */
export interface Scheduler {
  start(): void;
  /** Runs the job now (after any run in progress); resolves when it is done. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export const AGREEMENTS_INTERVAL_MS = 15 * 60_000;

export function scheduler(
  job: () => Promise<unknown>,
  options: { intervalMs: number; onError: (error: unknown) => void },
): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let tail: Promise<void> = Promise.resolve();
  // A run waiting behind the one in progress: ticks that come meanwhile join it instead of piling up.
  let queued: Promise<void> | undefined;
  const runNow = () => {
    if (queued) return queued;
    const next = tail.then(async () => {
      queued = undefined;
      if (stopped) return;
      try {
        await job();
      } catch (error) {
        options.onError(error);
      }
    });
    queued = next;
    tail = next;
    return next;
  };
  return {
    start() {
      if (timer || stopped) return;
      void runNow();
      timer = setInterval(() => void runNow(), options.intervalMs);
      timer.unref();
    },
    runNow,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await tail;
    },
  };
}
