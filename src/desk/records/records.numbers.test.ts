import { describe, expect, it } from 'vitest';
import { deskNumbers, median } from './records.numbers.js';

const TZ = 'America/Los_Angeles';
const clock = (id: string, fields: Partial<Parameters<typeof deskNumbers>[0][number]> = {}) => ({
  id,
  status: 'open',
  close_reason: null,
  received_at: '2026-03-02T18:00:00.000Z',
  due_at: '2026-03-13T06:59:00.000Z',
  closed_at: null,
  ...fields,
});

describe('the desk in numbers', () => {
  it('takes the median of odd and even counts, and none of nothing', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });

  it('counts on time by the due moment, days in the city calendar, and leaves withdrawn requests out', () => {
    const clocks = [
      // Closed 11:58 pm local on the due date: on time; 10 local days.
      clock('a', { status: 'closed', close_reason: 'fulfilled', closed_at: '2026-03-13T06:58:00.000Z' }),
      // Closed one minute after the due moment (midnight local, the next day): late; 11 local days.
      clock('b', { status: 'closed', close_reason: 'denied', closed_at: '2026-03-13T07:00:00.000Z' }),
      clock('c', { status: 'closed', close_reason: 'withdrawn', closed_at: '2026-03-03T18:00:00.000Z' }),
      clock('d'),
    ];
    const departments: Record<string, string[]> = { a: ['police'], b: ['police', 'public-works'] };
    const numbers = deskNumbers(
      clocks,
      (id) => departments[id] ?? [],
      (id) => ({ police: 'Police', 'public-works': 'Public Works' })[id] ?? id,
      TZ,
      new Date('2026-03-20T00:00:00Z'),
    );
    expect(numbers).toEqual({
      onTimeRate: 0.5,
      medianDaysToClose: 10.5,
      open: 1,
      overdue: 1,
      byDepartment: [
        { id: 'police', name: 'Police', open: 0, overdue: 0, closed: 2, onTimeRate: 0.5 },
        { id: 'public-works', name: 'Public Works', open: 0, overdue: 0, closed: 1, onTimeRate: 0 },
        { id: '', name: 'Not yet assigned', open: 1, overdue: 1, closed: 1, onTimeRate: null },
      ],
    });
  });
});
