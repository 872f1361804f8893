import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { allowanceOf, windowWords } from './allowance.js';

describe('allowanceOf', () => {
  it('reads the configured limits of a tier', () => {
    const { limits } = loadConfig({
      PLAZA_LIMIT_REQUESTS: 'elevated=12345',
      PLAZA_LIMIT_WINDOW_SECONDS: '900',
    });
    expect(allowanceOf(limits, 'elevated')).toMatchObject({
      tier: 'elevated',
      limited: true,
      requests: 12345,
      windowSeconds: 900,
    });
    expect(allowanceOf(limits, 'standard').requests).toBe(limits.requests.standard);
  });
});

describe('windowWords', () => {
  it('names the window in the largest whole unit', () => {
    expect(windowWords(3600)).toBe('hour');
    expect(windowWords(900)).toBe('15 minutes');
    expect(windowWords(86_400)).toBe('day');
    expect(windowWords(7200)).toBe('2 hours');
    expect(windowWords(90)).toBe('90 seconds');
    expect(windowWords(1)).toBe('second');
  });
});
