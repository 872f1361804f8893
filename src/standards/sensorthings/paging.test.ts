import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { decodeSkipToken, encodeSkipToken, linkWith } from './paging.js';

describe('nextLink paging', () => {
  it('round-trips the order keys of the last entity', () => {
    const token = encodeSkipToken([1_700_000_000_000, 'Ab', 42], 'phenomenonTime desc');
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSkipToken(token, 'phenomenonTime desc')).toEqual([1_700_000_000_000, 'Ab', 42]);
  });

  it('refuses a token of another order, or an altered one, with the stable error', () => {
    const token = encodeSkipToken([5], '');
    for (const [t, order] of [
      [token, 'name'],
      ['not-a-token', ''],
      [Buffer.from('{"a":[{}],"o":""}').toString('base64url'), ''],
      [Buffer.from('{"a":[],"o":""}').toString('base64url'), ''],
    ] as const) {
      expect(() => decodeSkipToken(t, order)).toThrow(AppError);
    }
  });

  it('writes the request again with options replaced', () => {
    const pairs: [string, string][] = [
      ['$filter', "name eq 'a b'"],
      ['$top', '2'],
      ['$skip', '4'],
    ];
    expect(linkWith('http://x/sta/v1.1/Things', pairs, { $skip: undefined, $skiptoken: 'abc' })).toBe(
      "http://x/sta/v1.1/Things?$filter=name%20eq%20'a%20b'&$top=2&$skiptoken=abc",
    );
    expect(linkWith('http://x/sta/v1.1/Things', [], { $skip: '100' })).toBe(
      'http://x/sta/v1.1/Things?$skip=100',
    );
  });
});
