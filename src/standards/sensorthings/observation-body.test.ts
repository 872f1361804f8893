import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { readObservation } from './observation-body.js';

const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'no error';
};

describe('reading an Observation entity', () => {
  it('takes the standard members and links', () => {
    expect(
      readObservation({
        Datastream: { '@iot.id': 7 },
        phenomenonTime: '2026-05-01T13:00:00Z',
        resultTime: '2026-05-01T13:00:01Z',
        result: 12.5,
        resultQuality: { flag: 'ok' },
        parameters: { sampling: '1 min' },
        FeatureOfInterest: { '@iot.id': 3 },
      }),
    ).toEqual({
      datastreamId: 7,
      phenomenonTime: '2026-05-01T13:00:00Z',
      resultTime: '2026-05-01T13:00:01Z',
      result: 12.5,
      resultQuality: { flag: 'ok' },
      parameters: { sampling: '1 min' },
      featureOfInterestId: 3,
    });
  });

  it('takes the Datastream from the path, and the same link in the body', () => {
    expect(readObservation({ result: true }, 4)).toEqual({ datastreamId: 4, result: true });
    expect(readObservation({ result: 1, Datastream: { '@iot.id': 4 } }, 4)).toMatchObject({
      datastreamId: 4,
    });
    expect(code(() => readObservation({ result: 1, Datastream: { '@iot.id': 5 } }, 4))).toBe(
      '400 sta.bad_entity',
    );
  });

  it('leaves values for ingest to judge', () => {
    expect(readObservation({ Datastream: { '@iot.id': 1 }, phenomenonTime: 'yesterday' })).toEqual({
      datastreamId: 1,
      phenomenonTime: 'yesterday',
      result: undefined,
    });
  });

  it('ignores annotations and a null FeatureOfInterest or validTime', () => {
    expect(
      readObservation(
        {
          result: 1,
          '@iot.selfLink': 'x',
          'Datastream@iot.navigationLink': 'y',
          FeatureOfInterest: null,
          validTime: null,
        },
        2,
      ),
    ).toEqual({ datastreamId: 2, result: 1 });
  });

  it('refuses what is not an Observation', () => {
    expect(code(() => readObservation([{ result: 1 }], 2))).toBe('400 sta.bad_entity');
    expect(code(() => readObservation({ result: 1 }))).toBe('400 sta.bad_entity');
    expect(code(() => readObservation({ result: 1, phenomenontime: 'x' }, 2))).toBe('400 sta.bad_entity');
    expect(code(() => readObservation({ result: 1, Datastream: 7 }))).toBe('400 sta.bad_entity');
    expect(code(() => readObservation({ result: 1, Datastream: { '@iot.id': '7' } }))).toBe(
      '400 sta.bad_entity',
    );
  });

  it('refuses deep inserts, given ids and validTime as unsupported', () => {
    const unsupported = '400 sta.unsupported';
    expect(
      code(() => readObservation({ result: 1, FeatureOfInterest: { name: 'Pier', feature: {} } }, 2)),
    ).toBe(unsupported);
    expect(code(() => readObservation({ result: 1, Datastream: { name: 'New' } }))).toBe(unsupported);
    expect(
      code(() => readObservation({ result: 1, FeatureOfInterest: { '@iot.id': 3, name: 'x' } }, 2)),
    ).toBe(unsupported);
    expect(code(() => readObservation({ result: 1, '@iot.id': 99 }, 2))).toBe(unsupported);
    expect(code(() => readObservation({ result: 1, validTime: '2026-05-01T13:00:00Z' }, 2))).toBe(
      unsupported,
    );
  });
});
