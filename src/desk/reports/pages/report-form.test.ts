import { describe, expect, it } from 'vitest';
import {
  checkReportForm,
  EMPTY_VALUES,
  instantOfLocal,
  localOfInstant,
  prefill,
  toNewReport,
} from './report-form.js';

const ZONE = 'America/Los_Angeles';

describe('the report form', () => {
  it('reads local times in the city’s zone, on both sides of a clock change', () => {
    expect(instantOfLocal('2026-03-01T08:30', ZONE)).toBe('2026-03-01T16:30:00.000Z');
    expect(instantOfLocal('2026-07-01T08:30', ZONE)).toBe('2026-07-01T15:30:00.000Z');
    expect(instantOfLocal('2026-03-01', ZONE)).toBe('2026-03-01T08:00:00.000Z');
    expect(localOfInstant('2026-07-01T15:30:00Z', ZONE)).toBe('2026-07-01T08:30');
    for (const bad of ['2026-02-30T10:00', '2026-13-01T10:00', '2026-03-01T24:00', 'yesterday'])
      expect(instantOfLocal(bad, ZONE), bad).toBeUndefined();
  });

  it('starts from a chart link: the sensor when it is one of the dataset’s, the period in local time', () => {
    const values = prefill(
      {
        datastream: '7',
        from: '2026-03-01T16:00:00Z',
        to: '2026-03-02T16:00:00Z',
        row: ' 12 ',
        kind: 'sensor_fault',
      },
      ZONE,
      new Set([7]),
    );
    expect(values).toEqual({
      ...EMPTY_VALUES,
      kind: 'sensor_fault',
      datastream: '7',
      timeFrom: '2026-03-01T08:00',
      timeTo: '2026-03-02T08:00',
      rowRef: '12',
    });
    const other = prefill({ datastream: '8', from: 'soon', kind: 'nonsense' }, ZONE, new Set([7]));
    expect(other).toEqual(EMPTY_VALUES);
  });

  it('lists each problem once, in the form’s order', () => {
    const problems = checkReportForm(
      {
        ...EMPTY_VALUES,
        kind: 'x',
        description: 'short',
        email: 'a@b',
        datastream: '9',
        timeFrom: '2026-03-02T00:00',
        timeTo: '2026-03-01T00:00',
      },
      { datastreams: new Set([7]), timeZone: ZONE, honeypot: 'filled' },
    );
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'kind:kind',
      'description:too_short',
      'datastream:datastream',
      'timeTo:time_order',
      'email:email',
      'website:honeypot',
    ]);
  });

  it('files the checked values as instants, leaving out what was left blank', () => {
    const report = toNewReport(
      'air',
      {
        ...EMPTY_VALUES,
        kind: 'sensor_fault',
        description: 'Stuck since noon.',
        datastream: '7',
        timeFrom: '2026-03-01T12:00',
      },
      { timeZone: ZONE, lang: 'vi', ip: '203.0.113.9', userId: null },
    );
    expect(report).toEqual({
      datasetId: 'air',
      kind: 'sensor_fault',
      description: 'Stuck since noon.',
      datastreamId: 7,
      timeFrom: '2026-03-01T20:00:00.000Z',
      lang: 'vi',
      ip: '203.0.113.9',
    });
  });
});
