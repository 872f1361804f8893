import { describe, expect, it } from 'vitest';
import { createRandom, hashString, weighted } from './random.js';

const draw = (seed: number, stream: string, n = 50) => {
  const random = createRandom(seed, stream);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    expect(draw(7, 'permits')).toEqual(draw(7, 'permits'));
  });

  it('gives different sequences for other seeds and other streams', () => {
    expect(draw(7, 'permits')).not.toEqual(draw(8, 'permits'));
    expect(draw(7, 'permits')).not.toEqual(draw(7, 'trees'));
  });

  it('stays in range and spreads evenly', () => {
    const random = createRandom(3, 'range');
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = random.next();
      if (x < 0 || x >= 1) outside++;
      else buckets[Math.floor(x * 10)]! += 1;
    }
    expect(outside).toBe(0);
    for (const count of buckets) expect(count).toBeGreaterThan(1_800);
    const ints = new Set(Array.from({ length: 1_000 }, () => random.int(3, 5)));
    expect([...ints].sort()).toEqual([3, 4, 5]);
  });

  it('draws normal deviates with about the right mean and spread', () => {
    const random = createRandom(11, 'normal');
    const values = Array.from({ length: 20_000 }, () => random.normal(10, 2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
  });
});

describe('weighted', () => {
  it('picks in proportion to weight and never picks a zero weight', () => {
    const pick = weighted([
      ['a', 1],
      ['b', 3],
      ['never', 0],
    ] as const);
    const random = createRandom(5, 'weighted');
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 40_000; i++) counts[pick(random)]++;
    expect(counts.never).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
  });

  it('refuses a list without a positive weight', () => {
    expect(() => weighted([['x', 0]])).toThrow();
  });
});

describe('hashString', () => {
  it('is stable', () => {
    expect(hashString('bldg-permits')).toBe(hashString('bldg-permits'));
    expect(hashString('a')).not.toBe(hashString('b'));
  });
});
