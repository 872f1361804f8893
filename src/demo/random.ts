/**
 * A small seeded pseudo-random generator (SFC32) with the helpers the demo needs. Every dataset draws from
 * its own stream, named after it, so adding or changing one dataset never shifts the numbers of another.
 */

/** FNV-1a over the UTF-16 code units of a string: a stable 32-bit hash for naming streams. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  range(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A standard normal deviate (Box-Muller). */
  normal(mean?: number, sd?: number): number;
  /** A log-normal deviate given its median and the standard deviation of its logarithm. */
  logNormal(median: number, sigma: number): number;
}

/** A generator for one stream: the same seed and name always give the same sequence. */
export function createRandom(seed: number, stream = ''): Random {
  let a = seed >>> 0;
  let b = hashString(stream);
  let c = hashString(`${stream}\u0000${seed}`) ^ 0x9e3779b9;
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of SFC32 still echo the seed; discard them.
  for (let i = 0; i < 16; i++) next();

  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    range: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    normal(mean = 0, sd = 1) {
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * random.normal()),
  };
  return random;
}

/** Picks items by weight in O(log n); build it once and reuse it inside loops. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (random: Random) => T {
  const items: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [item, weight] of entries) {
    if (weight <= 0) continue;
    total += weight;
    items.push(item);
    cumulative.push(total);
  }
  if (items.length === 0) throw new Error('weighted choice needs a positive weight');
  return (random) => {
    const target = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}
