import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { instantOf, parseAuditFilter, parseCursor } from './audit-filter.js';

const LA = 'America/Los_Angeles';

describe('audit filter', () => {
  it('reads days as whole days in the city, across daylight saving time', () => {
    expect(instantOf('from', '2026-01-15', LA)).toBe('2026-01-15T08:00:00.000Z');
    expect(instantOf('to', '2026-01-15', LA, true)).toBe('2026-01-16T08:00:00.000Z');
    // 8 March 2026: clocks go forward in Los Angeles; the next day starts at 07:00Z.
    expect(instantOf('to', '2026-03-08', LA, true)).toBe('2026-03-09T07:00:00.000Z');
    expect(instantOf('to', '2026-12-31', LA, true)).toBe('2027-01-01T08:00:00.000Z');
  });

  it('reads local times and instants', () => {
    expect(instantOf('from', '2026-07-01T09:30', LA)).toBe('2026-07-01T16:30:00.000Z');
    expect(instantOf('from', '2026-07-01T09:30:00Z', LA)).toBe('2026-07-01T09:30:00.000Z');
    expect(instantOf('from', '2026-07-01T09:30:00+02:00', LA)).toBe('2026-07-01T07:30:00.000Z');
  });

  it('refuses what is not a day or a time', () => {
    for (const bad of ['2026-02-30', '2026-13-01', 'tomorrow', '2026-07-01T25:00', '1700000000'])
      expect(() => instantOf('from', bad, LA), bad).toThrow(AppError);
  });

  it('reads actions, actors, targets and text', () => {
    expect(parseAuditFilter({ action: 'Key.Revoke' }, LA).action).toEqual({
      kind: 'exact',
      value: 'key.revoke',
    });
    expect(parseAuditFilter({ action: 'key.*' }, LA).action).toEqual({ kind: 'prefix', value: 'key.' });
    expect(parseAuditFilter({ action: 'key.' }, LA).action).toEqual({ kind: 'prefix', value: 'key.' });
    expect(parseAuditFilter({ action: 'access_request' }, LA).action).toEqual({
      kind: 'prefix',
      value: 'access_request.',
    });
    expect(() => parseAuditFilter({ action: 'key.*.x' }, LA)).toThrow(AppError);
    expect(() => parseAuditFilter({ action: "key'; drop" }, LA)).toThrow(AppError);
    expect(parseAuditFilter({ actor: 'Ada@City.example' }, LA).actor).toBe('ada@city.example');
    expect(parseAuditFilter({ actor: 'admin token' }, LA).actor).toBe('admin token');
    expect(parseAuditFilter({ target: 'api_key:k-1' }, LA).target).toEqual({ type: 'api_key', id: 'k-1' });
    expect(parseAuditFilter({ target: 'urn:x:1' }, LA).target).toEqual({ type: 'urn', id: 'x:1' });
    expect(parseAuditFilter({ target: 'Trees:2' }, LA).target).toEqual({ id: 'Trees:2' });
    expect(parseAuditFilter({ q: '  leak  ', action: ' ', from: '' }, LA)).toEqual({ text: 'leak' });
  });

  it('wants the end of a range after its start', () => {
    expect(() => parseAuditFilter({ from: '2026-03-02', to: '2026-03-01' }, LA)).toThrow(/end of the range/);
    expect(parseAuditFilter({ from: '2026-03-01', to: '2026-03-01' }, LA)).toEqual({
      from: '2026-03-01T08:00:00.000Z',
      to: '2026-03-02T08:00:00.000Z',
    });
  });

  it('takes only sequence numbers as cursors', () => {
    expect(parseCursor(undefined)).toBeUndefined();
    expect(parseCursor(' 42 ')).toBe(42);
    expect(() => parseCursor('-1')).toThrow(AppError);
    expect(() => parseCursor('1e3')).toThrow(AppError);
  });
});
