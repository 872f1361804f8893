import { describe, expect, it } from 'vitest';
import { ENTITIES } from './model.js';
import { dataArrays, propertyValue, renderEntity } from './render.js';

const links = { base: 'https://city.example/sta/v1.1' };
const T0 = Date.parse('2024-05-01T13:00:00Z');

const observation = {
  id: 9,
  phenomenon_time: T0,
  phenomenon_end: null,
  result_time: null,
  result_number: 12.5,
  result_json: null,
  result_quality: null,
  parameters: '{"sampling":"1 min"}',
  datastream_id: 3,
  feature_ref: 4,
};

describe('rendering entities', () => {
  it('writes an Observation as SensorThings does', () => {
    expect(renderEntity(ENTITIES.Observation, observation, links, undefined)).toEqual({
      '@iot.id': 9,
      '@iot.selfLink': 'https://city.example/sta/v1.1/Observations(9)',
      phenomenonTime: '2024-05-01T13:00:00.000Z',
      resultTime: null,
      result: 12.5,
      parameters: { sampling: '1 min' },
      'Datastream@iot.navigationLink': 'https://city.example/sta/v1.1/Observations(9)/Datastream',
      'FeatureOfInterest@iot.navigationLink':
        'https://city.example/sta/v1.1/Observations(9)/FeatureOfInterest',
    });
  });

  it('reads intervals, JSON results and a Datastream without observations', () => {
    const spanned = {
      ...observation,
      phenomenon_end: T0 + 60_000,
      result_number: null,
      result_json: '{"a":[1,2]}',
    };
    expect(propertyValue('Observation', spanned, 'phenomenonTime')).toBe(
      '2024-05-01T13:00:00.000Z/2024-05-01T13:01:00.000Z',
    );
    expect(propertyValue('Observation', spanned, 'result')).toEqual({ a: [1, 2] });
    expect(propertyValue('Observation', { ...observation, result_json: 'false' }, 'result')).toBe(false);
    const empty = {
      id: 1,
      name: 'x',
      description: '',
      unit_name: 'metre',
      unit_symbol: 'm',
      unit_definition: null,
    };
    const ds = renderEntity(
      ENTITIES.Datastream,
      { ...empty, phenomenon_start: null, observed_area: null },
      links,
      undefined,
    );
    expect(ds).not.toHaveProperty('phenomenonTime');
    expect(ds).not.toHaveProperty('observedArea');
    expect(ds.unitOfMeasurement).toEqual({ name: 'metre', symbol: 'm', definition: null });
  });

  it('shows only what $select names, and expanded members in place of links', () => {
    const thing = { id: 1, name: 'Station', description: '', properties: null };
    expect(renderEntity(ENTITIES.Thing, thing, links, ['name', 'Locations'])).toEqual({
      name: 'Station',
      'Locations@iot.navigationLink': 'https://city.example/sta/v1.1/Things(1)/Locations',
    });
    expect(
      renderEntity(ENTITIES.Thing, thing, links, ['id'], { Datastreams: [], 'Datastreams@iot.count': 0 }),
    ).toEqual({ '@iot.id': 1, Datastreams: [], 'Datastreams@iot.count': 0 });
  });

  it('groups observations by Datastream for dataArray', () => {
    const rows = [observation, { ...observation, id: 10, datastream_id: 5 }, { ...observation, id: 11 }];
    expect(dataArrays(rows, ['id', 'result'], links, ENTITIES.Datastream)).toEqual([
      {
        'Datastream@iot.navigationLink': 'https://city.example/sta/v1.1/Datastreams(3)',
        components: ['id', 'result'],
        'dataArray@iot.count': 2,
        dataArray: [
          [9, 12.5],
          [11, 12.5],
        ],
      },
      {
        'Datastream@iot.navigationLink': 'https://city.example/sta/v1.1/Datastreams(5)',
        components: ['id', 'result'],
        'dataArray@iot.count': 1,
        dataArray: [[10, 12.5]],
      },
    ]);
  });
});
