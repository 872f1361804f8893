import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { parsePath } from './path.js';

const shape = (path: string) => {
  const p = parsePath(path);
  return {
    steps: p.steps.map(
      (s) => `${s.nav ?? s.entity.set}${s.id === undefined ? '' : `(${s.id})`}${s.single ? '' : '*'}`,
    ),
    property: p.property,
    value: p.value,
    ref: p.ref,
  };
};

function errorOf(path: string): AppError {
  try {
    parsePath(path);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected an error for ${path}`);
}

describe('resource paths', () => {
  it('reads entity sets, entities and navigation of any depth', () => {
    expect(shape('Things')).toMatchObject({ steps: ['Things*'], value: false, ref: false });
    expect(shape('Things(1)').steps).toEqual(['Things(1)']);
    expect(shape('Things(1)/Datastreams').steps).toEqual(['Things(1)', 'Datastreams*']);
    expect(shape('Observations(5)/Datastream/Thing/Locations(2)/HistoricalLocations').steps).toEqual([
      'Observations(5)',
      'Datastream',
      'Thing',
      'Locations(2)',
      'HistoricalLocations*',
    ]);
    expect(shape('Things/')).toMatchObject({ steps: ['Things*'] });
  });

  it('reads properties, $value and $ref', () => {
    expect(shape('Things(1)/name')).toMatchObject({ steps: ['Things(1)'], property: 'name', value: false });
    expect(shape('Things(1)/name/$value')).toMatchObject({ property: 'name', value: true });
    expect(shape('Things(1)/Datastreams/$ref')).toMatchObject({
      steps: ['Things(1)', 'Datastreams*'],
      ref: true,
    });
    expect(shape('Datastreams(1)/Thing/$ref')).toMatchObject({ ref: true });
  });

  it('refuses what the standard does not allow, with the stable codes', () => {
    const cases: [string, string, RegExp][] = [
      ['Things(x)', 'sta.bad_path', /ids are whole numbers/],
      ["Things('1')", 'sta.bad_path', /ids are whole numbers/],
      ['Things/Datastreams', 'sta.bad_path', /must follow one entity: address it by id, as in Things\(1\)/],
      ['Things(1)/name/description', 'sta.bad_path', /Only \/\$value/],
      ['Things(1)/$value', 'sta.bad_path', /\$value follows a property/],
      ['Things/$ref/x', 'sta.bad_path', /Nothing may follow/],
      ['Datastreams(1)/Thing(2)', 'sta.bad_path', /single entity: drop the id/],
      ['Things(1)//Datastreams', 'sta.bad_path', /empty segment/],
      ['Widgets', 'sta.not_found', /the sets are Things, Locations/],
      ['Things(1)/Sensors', 'sta.not_found', /has no "Sensors"; it has name/],
      ['Things(1)/id', 'sta.not_found', /has no "id"/],
    ];
    for (const [path, code, message] of cases) {
      const error = errorOf(path);
      expect(error.code, path).toBe(code);
      expect(error.message, path).toMatch(message);
    }
  });
});
