import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import type { RequestSummary } from '../records/records.types.js';
import { cents, readClose, readFees, reconsiderationPrefix } from './staff-forms.js';
import { problemsOf } from './staff-problems.js';
import { arrange, queueHref, readFilters } from './staff-queue.js';

describe('staff forms', () => {
  it('reads dollars as people write them, and refuses what is not an amount', () => {
    expect(cents('12')).toBe(1200);
    expect(cents('12.5')).toBe(1250);
    expect(cents('$1,012.05')).toBe(101205);
    expect(cents('0')).toBe(0);
    for (const bad of ['', 'twelve', '1.234', '-3', '1e3']) expect(cents(bad)).toBeUndefined();
  });

  it('keeps the fee rows that were filled in, and remembers which row each line came from', () => {
    const parsed = readFees({
      'fees-0-kind': 'duplication',
      'fees-0-description': '',
      'fees-0-amount': '',
      'fees-1-kind': 'programming',
      'fees-1-description': 'Report',
      'fees-1-amount': '40',
      'fees-payment': 'awaiting_payment',
      'fees-justification': 'extraction',
    });
    expect(parsed).toEqual({
      ok: true,
      input: {
        lines: [{ kind: 'programming', description: 'Report', amountCents: 4000 }],
        payment: 'awaiting_payment',
        programmingJustification: 'extraction',
        rows: [1],
      },
    });
    const bad = readFees({
      'fees-0-kind': 'duplication',
      'fees-0-description': 'Copies',
      'fees-0-amount': 'ten',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.field)).toEqual(['fees-0-amount', 'fees-payment']);
  });

  it('writes a denial for a denied request, and for a partial one only when its part is filled in', () => {
    const denied = readClose({
      'close-reason': 'denied',
      'close-exemptions': 'Gov. Code 7927.705\n\n  Gov. Code 7927.700 ',
      'close-person-0-name': 'Dana Ortiz',
      'close-person-0-title': 'City Attorney',
      'close-explanation': 'Personnel records.',
    });
    expect(denied.ok && denied.input.denial).toEqual({
      scope: 'full',
      exemptions: ['Gov. Code 7927.705', 'Gov. Code 7927.700'],
      responsible: [{ name: 'Dana Ortiz', title: 'City Attorney' }],
      explanation: 'Personnel records.',
    });
    const partial = readClose({ 'close-reason': 'partially_fulfilled', 'close-note': 'Some are released.' });
    expect(partial.ok && partial.input.denial).toBe(undefined);
    const untitled = readClose({ 'close-reason': 'denied', 'close-person-1-name': 'Dana Ortiz' });
    expect(untitled.ok ? [] : untitled.problems).toEqual([
      { field: 'close-person-1-title', message: 'Give the title of Dana Ortiz.' },
    ]);
  });

  it("puts the desk's refusals next to the fields they are about", () => {
    const fees = new AppError('records.invalid', 422, 'no', {
      problems: [{ field: 'lines[1].description', message: 'required' }],
    });
    expect(problemsOf(fees, 'fees', { feeRows: [0, 3] })).toEqual([
      { field: 'fees-3-description', message: 'This is required.' },
    ]);
    const denial = new AppError('records.denial_needs_responsible', 422, 'Name each person.');
    expect(problemsOf(denial, 'close')).toEqual([
      { field: 'close-person-0-name', message: 'Name each person.' },
    ]);
    const used = new AppError('records.extension_used', 409, 'Once only.');
    expect(problemsOf(used, 'extension')).toEqual([{ field: 'extension-form', message: 'Once only.' }]);
    const prefix = reconsiderationPrefix('a1-b2');
    const note = new AppError('records.invalid', 422, 'no', {
      problems: [{ field: 'note', message: 'required' }],
    });
    expect(problemsOf(note, 'reconsideration', { prefix })).toEqual([
      { field: 'rc-a1-b2-note', message: 'This is required.' },
    ]);
    expect(problemsOf(new AppError('records.not_found', 404, 'gone'), 'fees')).toBeUndefined();
    expect(problemsOf(new Error('boom'), 'fees')).toBeUndefined();
  });
});

describe('staff queue', () => {
  const summary = (number: string, deadline: RequestSummary['deadline'], dueAt: string, status = 'open') =>
    ({ id: number, number, deadline, dueAt, status }) as RequestSummary;

  it('puts overdue, then due soon, then on track, then closed first, by due date within each', () => {
    const list = [
      summary('R-1', 'on_track', '2026-03-20'),
      summary('R-2', 'met', '2026-01-01', 'closed'),
      summary('R-3', 'overdue', '2026-03-02'),
      summary('R-4', 'due_soon', '2026-03-10'),
      summary('R-5', 'overdue', '2026-03-01'),
    ];
    const all = arrange(list, readFilters({ status: 'all' }));
    expect(all.page.map((r) => r.number)).toEqual(['R-5', 'R-3', 'R-4', 'R-1', 'R-2']);
    const active = arrange(list, readFilters({}));
    expect(active.page.map((r) => r.number)).toEqual(['R-5', 'R-3', 'R-4', 'R-1']);
    const overdue = arrange(list, readFilters({ deadline: 'overdue' }));
    expect(overdue.total).toBe(2);
  });

  it('reads only the filters it knows, and writes them back into links', () => {
    const filters = readFilters({
      status: 'nonsense',
      deadline: 'due_soon',
      mine: '1',
      page: '-3',
      q: ' pothole ',
    });
    expect(filters).toEqual({
      status: 'active',
      deadline: 'due_soon',
      department: '',
      mine: true,
      q: 'pothole',
      page: 1,
    });
    expect(queueHref(filters, 2)).toBe('/staff/records?deadline=due_soon&mine=1&q=pothole&page=2');
  });
});
