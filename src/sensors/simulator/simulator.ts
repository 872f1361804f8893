/**
 * The live city: every device of the network sends its messages as their moment comes. Simulated time starts
 * at `from` (where the history ends) and catches up with now, as fast as messages are acknowledged or `speed`
 * times faster than the clock, then keeps pace: no device ever reports a moment that has not happened. With
 * `once`, it sends what is due up to the moment it started and stops.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { networkDeliveries, type Delivery } from '../../demo/sensors/deliveries.js';
import type { SensorNetwork } from '../../demo/sensors/spec.js';
import { MINUTE } from '../time.js';
import type { DeviceLink } from './device-links.js';
import type { DeviceCredentials } from './tokens.js';

export interface SimulatorOptions {
  network: SensorNetwork;
  credentials: readonly DeviceCredentials[];
  link: DeviceLink;
  /** Simulated time to start from (epoch ms). */
  from: number;
  /** Simulated seconds per second of the clock until simulated time reaches now (default: no limit). */
  speed?: number;
  /** Send what is due up to the start and stop. */
  once?: boolean;
  now?: () => number;
  /** Wall-clock ms between rounds once caught up (default 1000). */
  tick?: number;
  /** Told of the simulated time everything before which has been sent (to record it). */
  onProgress?: (at: number) => unknown;
  log: { warn(details: Record<string, unknown>, message: string): void };
}

/** The most simulated time one round sends: catching up after a pause goes in pieces of this size. */
const STEP = 5 * MINUTE;

export interface Simulator {
  done: Promise<void>;
  stop(): Promise<void>;
  /** Simulated time sent up to, and counts of messages acknowledged and failed. */
  status(): { at: number; sent: number; failed: number };
}

export function startSimulator(options: SimulatorOptions): Simulator {
  const { network, link, log } = options;
  const now = options.now ?? (() => Date.now());
  const speed = options.speed ?? Infinity;
  const tick = options.tick ?? 1000;
  const deviceOf = new Map<string, { device: DeviceCredentials; id: number }>();
  for (const device of options.credentials) {
    for (const [key, id] of Object.entries(device.datastreams)) deviceOf.set(key, { device, id });
  }
  const wallStart = now();
  const end = options.once ? wallStart : Infinity;
  let cursor = options.from;
  let sent = 0;
  let failed = 0;
  let stopped = false;
  let wake: (() => void) | undefined;

  /** Simulated now: `speed` times the clock since the start, never past the real now; all at once with `once`. */
  const simulatedNow = () =>
    options.once
      ? end
      : speed === Infinity
        ? now()
        : Math.min(now(), options.from + (now() - wallStart) * speed);

  async function send(deliveries: Delivery[]): Promise<void> {
    const results = await Promise.allSettled(
      deliveries.flatMap((delivery) => {
        const target = deviceOf.get(delivery.stream.key);
        return target ? [link.publish(target.device, target.id, delivery)] : [];
      }),
    );
    let refusals = 0;
    for (const result of results) {
      if (result.status === 'fulfilled') sent++;
      else {
        failed++;
        refusals++;
      }
    }
    if (refusals > 0) {
      const reason = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      log.warn({ failed: refusals, reason: String(reason.reason) }, 'simulated messages not acknowledged');
    }
  }

  async function run(): Promise<void> {
    while (!stopped && cursor < end) {
      const goal = Math.min(simulatedNow(), cursor + STEP);
      if (goal - cursor < 1000) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          void sleep(tick).then(resolve);
        });
        continue;
      }
      await send(networkDeliveries(network, cursor, goal));
      cursor = goal;
      await options.onProgress?.(cursor);
    }
  }

  const done = run().catch((error: unknown) => {
    log.warn({ err: error }, 'sensor simulator stopped by an error');
  });
  return {
    done,
    async stop() {
      stopped = true;
      wake?.();
      await done;
    },
    status: () => ({ at: cursor, sent, failed }),
  };
}
