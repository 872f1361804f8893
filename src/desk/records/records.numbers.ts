/**
 * The desk's numbers, from the requests' clocks: on-time rate (closed by the due moment), median calendar days
 * from receipt to closing (city calendar), and open and overdue counts, overall and by department. Withdrawn
 * requests were never answered, so they count in neither the rate nor the median. Pure.
 */
import { calendarDaysBetween, localDate } from '../deadlines/deadlines.js';
import type { DeskNumbers } from './records.types.js';

export interface RequestClock {
  id: string;
  status: string;
  close_reason: string | null;
  received_at: string;
  due_at: string;
  closed_at: string | null;
}

interface Tally {
  open: number;
  overdue: number;
  closed: number;
  onTime: number;
  answered: number;
}

const rate = (t: Tally) => (t.answered === 0 ? null : t.onTime / t.answered);

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The numbers over these requests. `departmentsOf` gives each request's departments (none: "not yet assigned",
 * listed with id ''), `departmentName` their names.
 */
export function deskNumbers(
  clocks: readonly RequestClock[],
  departmentsOf: (id: string) => readonly string[],
  departmentName: (id: string) => string,
  timeZone: string,
  now: Date,
): DeskNumbers {
  const total: Tally = { open: 0, overdue: 0, closed: 0, onTime: 0, answered: 0 };
  const byDepartment = new Map<string, Tally>();
  const days: number[] = [];
  for (const c of clocks) {
    const closed = c.status === 'closed';
    const answered = closed && c.close_reason !== 'withdrawn';
    const onTime = answered && c.closed_at !== null && c.closed_at <= c.due_at;
    const overdue = !closed && now.getTime() > Date.parse(c.due_at);
    if (answered && c.closed_at)
      days.push(
        calendarDaysBetween(
          localDate(new Date(c.received_at), timeZone),
          localDate(new Date(c.closed_at), timeZone),
        ),
      );
    const departments = departmentsOf(c.id);
    for (const tally of [total, ...(departments.length ? departments : ['']).map((d) => tallyOf(d))]) {
      if (closed) tally.closed += 1;
      else tally.open += 1;
      if (overdue) tally.overdue += 1;
      if (answered) tally.answered += 1;
      if (onTime) tally.onTime += 1;
    }
  }
  function tallyOf(id: string): Tally {
    let tally = byDepartment.get(id);
    if (!tally) {
      tally = { open: 0, overdue: 0, closed: 0, onTime: 0, answered: 0 };
      byDepartment.set(id, tally);
    }
    return tally;
  }
  return {
    onTimeRate: rate(total),
    medianDaysToClose: median(days),
    open: total.open,
    overdue: total.overdue,
    byDepartment: [...byDepartment.entries()]
      .map(([id, t]) => ({
        id,
        name: id ? departmentName(id) : 'Not yet assigned',
        open: t.open,
        overdue: t.overdue,
        closed: t.closed,
        onTimeRate: rate(t),
      }))
      // Departments by name; requests not yet assigned last.
      .sort((a, b) => (a.id === '' ? 1 : b.id === '' ? -1 : a.name.localeCompare(b.name))),
  };
}
