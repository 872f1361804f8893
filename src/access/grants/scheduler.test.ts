import { afterEach, describe, expect, it, vi } from 'vitest';
import { scheduler } from './scheduler.js';

describe('scheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at start and then every interval, never two runs at once', async () => {
    vi.useFakeTimers();
    let running = 0;
    let most = 0;
    let runs = 0;
    const s = scheduler(
      async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        running -= 1;
        runs += 1;
      },
      { intervalMs: 1000, onError: () => undefined },
    );
    s.start();
    await vi.advanceTimersByTimeAsync(5000);
    const stopping = s.stop();
    await vi.advanceTimersByTimeAsync(5000);
    await stopping;
    expect(most).toBe(1);
    // Runs of 1.5 s every second: back to back, the ticks that came meanwhile joined the next run.
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(runs).toBeLessThanOrEqual(5);
  });

  it('reports a failed run and keeps going', async () => {
    vi.useFakeTimers();
    const failures: unknown[] = [];
    let calls = 0;
    const s = scheduler(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('database away');
      },
      { intervalMs: 1000, onError: (e) => failures.push(e) },
    );
    s.start();
    await vi.advanceTimersByTimeAsync(1000);
    await s.stop();
    expect(failures).toHaveLength(1);
    expect(calls).toBe(2);
  });

  it('runs nothing once stopped', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const s = scheduler(
      async () => {
        calls += 1;
      },
      { intervalMs: 1000, onError: () => undefined },
    );
    s.start();
    await s.stop();
    const after = calls;
    await vi.advanceTimersByTimeAsync(5000);
    await s.runNow();
    expect(calls).toBe(after);
  });
});
