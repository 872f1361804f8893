import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { ENTITIES } from './model.js';
import { checkOptions, parseQueryOptions, splitTopLevel, type ExpandItem } from './options.js';

const parse = (query: string) => parseQueryOptions([...new URLSearchParams(query).entries()]);

/** `Datastreams(top=1)[Observations]`: the expand tree in one line. */
function tree(items: ExpandItem[]): string {
  return items
    .map((i) => {
      const o = i.options;
      const opts = [
        o.top !== undefined && `top=${o.top}`,
        o.select && `select=${o.select.join('+')}`,
        o.filter && 'filter',
        o.orderBy && 'orderby',
        o.count && 'count',
      ]
        .filter(Boolean)
        .join(';');
      return `${i.nav}${opts ? `(${opts})` : ''}${o.expand.length ? `[${tree(o.expand)}]` : ''}`;
    })
    .join(',');
}

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('query options', () => {
  it('reads the simple options, whatever the case of their names', () => {
    const o = parse('$top=5&$SKIP=10&$count=true&$select=id,name&$resultFormat=dataArray&other=ignored');
    expect(o).toMatchObject({
      top: 5,
      skip: 10,
      count: true,
      select: ['id', 'name'],
      resultFormat: 'dataArray',
    });
    expect(o.raw.map(([k]) => k)).toEqual(['$top', '$SKIP', '$count', '$select', '$resultFormat']);
  });

  it('reads nested $expand with options separated by ;', () => {
    const o = parse(
      "$expand=Datastreams($select=name;$filter=name eq 'a;b';$expand=Observations($top=1;$orderby=phenomenonTime desc)),Locations",
    );
    expect(tree(o.expand)).toBe('Datastreams(select=name;filter)[Observations(top=1;orderby)],Locations');
  });

  it('reads expand paths with slashes as nesting, and merges repeated parents', () => {
    expect(
      tree(
        parse('$expand=Datastreams/Observations($top=2),Datastreams/Sensor,Datastreams($count=true)').expand,
      ),
    ).toBe('Datastreams(count)[Observations(top=2),Sensor]');
    const raw = parse('$expand=Datastreams/Observations($top=2),Datastreams($count=true)').expand[0]!.options
      .raw;
    expect(raw).toEqual([
      ['$count', 'true'],
      ['$expand', 'Observations($top=2)'],
    ]);
  });

  it('splits only outside parentheses and quotes', () => {
    expect(splitTopLevel("a(b,c),d eq 'x,y',e", ',')).toEqual(['a(b,c)', "d eq 'x,y'", 'e']);
  });

  it('checks $select and $expand against the entity type', () => {
    checkOptions(
      ENTITIES.Thing,
      parse('$select=id,@iot.id,name,Datastreams&$expand=Datastreams($expand=Observations)'),
    );
    expect(errorOf(() => checkOptions(ENTITIES.Thing, parse('$select=result'))).message).toMatch(
      /a Thing has no "result"/,
    );
    expect(errorOf(() => checkOptions(ENTITIES.Thing, parse('$expand=Datastreams/Things'))).message).toMatch(
      /a Datastream has no navigation property "Things"; it has Thing, Sensor/,
    );
  });

  it('refuses malformed options with sta.bad_query', () => {
    for (const query of [
      '$top=-1',
      '$top=1.5',
      '$count=yes',
      '$top=1&$top=2',
      '$format=json',
      '$resultFormat=csv',
      '$select=id,,name',
      '$expand=Datastreams($top=1',
      '$expand=Datastreams(top=1)',
      '$expand=Datastreams($resultFormat=dataArray)',
      '$expand=Datastreams($top=1),Datastreams($top=2)',
      `$expand=${'A/'.repeat(10)}B`,
      '$expand=Datastreams)x(',
      '$filter=',
    ]) {
      const error = errorOf(() => parse(query));
      expect(error.code, query).toBe('sta.bad_query');
    }
  });
});
