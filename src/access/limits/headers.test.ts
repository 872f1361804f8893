import { describe, expect, it } from 'vitest';
import { capLimit, capPolicy, requestLimit, requestPolicy, sfString } from './headers.js';

/** A small parser of Structured Field lists of String items with Integer or String parameters (RFC 9651). */
function parseList(field: string): { name: string; params: Record<string, number | string> }[] {
  return field.split(/,\s*/).map((member) => {
    const match = /^"((?:[^"\\]|\\.)*)"((?:;[a-z][a-z0-9_.*-]*=(?:-?\d{1,15}|"(?:[^"\\]|\\.)*"))*)$/.exec(
      member,
    );
    if (!match) throw new Error(`not a Structured Field list member: ${member}`);
    const params: Record<string, number | string> = {};
    for (const [, key, value] of match[2]!.matchAll(/;([a-z][a-z0-9_.*-]*)=("(?:[^"\\]|\\.)*"|-?\d+)/g))
      params[key!] = value!.startsWith('"') ? value!.slice(1, -1) : Number(value);
    return { name: match[1]!, params };
  });
}

describe('RateLimit header fields (draft-ietf-httpapi-ratelimit-headers-11)', () => {
  it('writes a policy as a String item with the quota and the window', () => {
    expect(requestPolicy('anonymous', 300, 3600)).toBe('"anonymous";q=300;w=3600');
    expect(parseList(requestPolicy('partner', 100_000, 60))).toEqual([
      { name: 'partner', params: { q: 100_000, w: 60 } },
    ]);
  });

  it('writes the current limit with what is left and the seconds to the reset', () => {
    expect(requestLimit('standard', 998, 3412)).toBe('"standard";r=998;t=3412');
    expect(parseList(requestLimit('standard', 0, 0))).toEqual([{ name: 'standard', params: { r: 0, t: 0 } }]);
  });

  it('writes concurrency caps in the concurrent-requests unit, as a second list member', () => {
    const policy = `${requestPolicy('anonymous', 300, 3600)}, ${capPolicy('anonymous', 'download', 2)}`;
    expect(policy).toBe('"anonymous";q=300;w=3600, "anonymous-downloads";q=2;qu="concurrent-requests"');
    expect(parseList(policy)[1]).toEqual({
      name: 'anonymous-downloads',
      params: { q: 2, qu: 'concurrent-requests' },
    });
    expect(capPolicy('elevated', 'live', 50)).toBe('"elevated-live";q=50;qu="concurrent-requests"');
    expect(capLimit('standard', 'live', 9)).toBe('"standard-live";r=9');
  });

  it('quotes and escapes Structured Field strings, and refuses what they cannot hold', () => {
    expect(sfString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(() => sfString('caf\u00e9')).toThrow();
    expect(() => sfString('line\nbreak')).toThrow();
  });
});
