/**
 * Randomness as a pure function of (stream, index): the sensor signals must give the same value for the same
 * sensor and time whether the backfill computes it today or the simulator next week, in any order, so they
 * hash instead of drawing from a sequence.
 */
import { hashString } from '../random.js';

/** Mixes two 32-bit integers into one (murmur3's finalizer over a combined word). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A key for one purpose of one sensor: the demo seed, the sensor's id and a label. */
export function keyOf(seed: number, ...parts: string[]): number {
  return mix(seed >>> 0, hashString(parts.join('\u0000')));
}

/** A float in [0, 1) for (key, index); the index may be any integer up to 2^53 (times in ms, minutes...). */
export function unit(key: number, index: number): number {
  const low = index >>> 0;
  const high = Math.floor(index / 4294967296) >>> 0;
  return mix(mix(key, low), high) / 4294967296;
}

/** A standard normal deviate for (key, index) (Box-Muller over two hashes). */
export function gauss(key: number, index: number): number {
  const u = 1 - unit(key, index);
  const v = unit(key ^ 0x5bd1e995, index);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Smooth noise: normal deviates at every multiple of `period`, joined by a cosine curve, so neighbouring
 * times get close values (weather, a slow drift) while values a few periods apart are independent.
 * Mean 0; the standard deviation is about 0.8 between knots and 1 on them.
 */
export function smooth(key: number, time: number, period: number): number {
  const position = time / period;
  const knot = Math.floor(position);
  const f = (1 - Math.cos(Math.PI * (position - knot))) / 2;
  return gauss(key, knot) * (1 - f) + gauss(key, knot + 1) * f;
}
