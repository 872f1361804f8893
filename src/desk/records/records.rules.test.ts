import { describe, expect, it } from 'vitest';
import { checkClosing, checkExtensionInput, checkFees, sightOf, worksOn } from './records.rules.js';
import type { DeskViewer } from './records.types.js';

const staff = (fields: Partial<Extract<DeskViewer, { kind: 'staff' }>> = {}): DeskViewer => ({
  kind: 'staff',
  userId: 'u1',
  name: 'Sam',
  clerk: false,
  admin: false,
  departments: [],
  ...fields,
});
const request = (fields: Partial<{ id: string; published: boolean; departments: string[] }> = {}) => ({
  id: 'r1',
  published: false,
  departments: ['police'],
  ...fields,
});
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};
const RESPONSIBLE = [{ name: 'Morgan Chief', title: 'Chief of Police' }];

describe('who sees a request', () => {
  it('lets the Clerk, admins and the departments’ stewards work on it', () => {
    expect(worksOn(staff({ clerk: true }), [])).toBe(true);
    expect(worksOn(staff({ admin: true }), ['police'])).toBe(true);
    expect(worksOn(staff({ departments: ['police'] }), ['police', 'public-works'])).toBe(true);
    expect(worksOn(staff({ departments: ['public-works'] }), ['police'])).toBe(false);
    expect(worksOn({ kind: 'public' }, ['police'])).toBe(false);
  });

  it('shows others only a published request, as the public sees it', () => {
    const other = staff({ departments: ['public-works'] });
    expect(sightOf(other, request())).toBe('none');
    expect(sightOf(other, request({ published: true }))).toBe('public');
    expect(sightOf({ kind: 'requester', requestId: 'r1' }, request())).toBe('requester');
    expect(sightOf({ kind: 'requester', requestId: 'r2' }, request())).toBe('none');
    expect(sightOf({ kind: 'public' }, request({ published: true }))).toBe('public');
  });
});

describe('the extension', () => {
  it('needs 1 to 14 days, a reason from the statute and a notice', () => {
    expect(code(() => checkExtensionInput({ reason: 'voluminous', days: 15, notice: 'x' }))).toBe(
      'records.extension_too_long',
    );
    expect(code(() => checkExtensionInput({ reason: 'voluminous', days: 0, notice: 'x' }))).toBe(
      'records.extension_days',
    );
    expect(code(() => checkExtensionInput({ reason: 'understaffed', days: 3, notice: 'x' }))).toBe(
      'records.extension_reason',
    );
    expect(code(() => checkExtensionInput({ reason: 'emergency', days: 14, notice: '' }))).toBe(
      'records.invalid',
    );
    expect(checkExtensionInput({ reason: 'emergency', days: 14, notice: ' Flooding. ' })).toBe('Flooding.');
  });
});

describe('fees', () => {
  const line = (kind: 'duplication' | 'electronic_copy' | 'programming', amountCents = 100) => ({
    kind,
    description: `${kind} line`,
    amountCents,
  });

  it('allows a programming line only with one of the statute’s justifications', () => {
    expect(code(() => checkFees({ lines: [line('programming')], payment: 'awaiting_payment' }))).toBe(
      'records.programming_fee_not_allowed',
    );
    for (const justification of ['compilation', 'extraction', 'programming', 'scheduled_intervals'])
      expect(
        checkFees({ lines: [line('programming')], payment: 'paid', programmingJustification: justification })
          .programmingJustification,
      ).toBe(justification);
    // A justification without a programming line is not kept.
    expect(
      checkFees({ lines: [line('duplication')], payment: 'paid', programmingJustification: 'compilation' })
        .programmingJustification,
    ).toBeNull();
  });

  it('refuses negative amounts, lines without words, and payment of nothing', () => {
    expect(code(() => checkFees({ lines: [line('duplication', -1)], payment: 'paid' }))).toBe(
      'records.invalid',
    );
    expect(
      code(() => checkFees({ lines: [{ ...line('duplication'), description: ' ' }], payment: 'paid' })),
    ).toBe('records.invalid');
    expect(code(() => checkFees({ lines: [line('duplication', 0)], payment: 'awaiting_payment' }))).toBe(
      'records.invalid',
    );
    expect(code(() => checkFees({ lines: [], payment: 'someday' }))).toBe('records.invalid');
  });
});

describe('closing', () => {
  const denial = (fields: object = {}) => ({
    scope: 'full' as const,
    exemptions: ['Gov. Code 7927.705'],
    responsible: RESPONSIBLE,
    explanation: 'Personnel records.',
    ...fields,
  });

  it('needs a denial with exemptions and people responsible, with titles, to deny', () => {
    expect(code(() => checkClosing({ reason: 'denied' }))).toBe('records.denial_needs_exemption');
    expect(code(() => checkClosing({ reason: 'denied', denial: denial({ exemptions: [] }) }))).toBe(
      'records.denial_needs_exemption',
    );
    expect(code(() => checkClosing({ reason: 'denied', denial: denial({ responsible: [] }) }))).toBe(
      'records.denial_needs_responsible',
    );
    expect(
      code(() =>
        checkClosing({
          reason: 'denied',
          denial: denial({ responsible: [{ name: 'Morgan Chief', title: '' }] }),
        }),
      ),
    ).toBe('records.denial_needs_responsible');
    expect(code(() => checkClosing({ reason: 'denied', denial: denial({ explanation: '' }) }))).toBe(
      'records.invalid',
    );
    expect(checkClosing({ reason: 'denied', denial: denial() }).denial?.scope).toBe('full');
  });

  it('takes a partial denial with a partly fulfilled request, and no denial with other reasons', () => {
    expect(checkClosing({ reason: 'partially_fulfilled' }).denial).toBeNull();
    expect(
      checkClosing({ reason: 'partially_fulfilled', denial: denial({ scope: 'partial' }) }).denial,
    ).toMatchObject({
      scope: 'partial',
      responsible: RESPONSIBLE,
    });
    expect(code(() => checkClosing({ reason: 'partially_fulfilled', denial: denial() }))).toBe(
      'records.invalid',
    );
    expect(code(() => checkClosing({ reason: 'fulfilled', denial: denial() }))).toBe('records.invalid');
    expect(code(() => checkClosing({ reason: 'referred' }))).toBe('records.invalid');
    expect(checkClosing({ reason: 'referred', referredTo: 'Orange County Sheriff' }).referredTo).toBe(
      'Orange County Sheriff',
    );
    expect(code(() => checkClosing({ reason: 'lost' }))).toBe('records.invalid');
  });
});
