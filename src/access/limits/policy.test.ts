import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { anonymous, ADMIN_TOKEN_PRINCIPAL } from '../principal.js';
import { limitErrors } from './limit-errors.js';
import {
  budgetOf,
  capOf,
  counterSubject,
  durationWords,
  ipv6Network,
  isApiPath,
  isDeviceIngest,
  isLimited,
  verdict,
  windowWords,
} from './policy.js';

const DEVICE = 'Bearer plaza_dev_0123456789ab_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

describe('which requests are limited', () => {
  it.each([
    '/api/v1/datasets',
    '/api/v1/datasets/permits',
    '/api/v1/datasets/permits/rows.csv?bom=true',
    '/api/v1/live?dataset=air',
    '/api/v1',
    '/api/v1?x=1',
    '/resource/permits.json?$limit=5',
    '/sta/v1.1/Things',
    '/sta',
    '/ogc/collections',
    '/api/3/action/package_search',
  ])('API surface: %s', (url) => expect(isApiPath(url)).toBe(true));

  it.each([
    '/',
    '/datasets/permits',
    '/assets/app.css',
    '/healthz',
    '/readyz',
    '/docs/query-language',
    '/api/docs',
    '/api/docs/static/index.html',
    '/api/openapi.json',
    '/api/v10/x',
    '/api/v1x',
    '/resources/x',
    '/station',
    '/account',
  ])('not an API surface: %s', (url) => expect(isApiPath(url)).toBe(false));

  it('leaves device ingest to the devices’ own budget', () => {
    expect(isDeviceIngest('POST', '/api/v1/observations', DEVICE)).toBe(true);
    expect(isDeviceIngest('POST', '/api/v1/observations/', DEVICE)).toBe(true);
    expect(isDeviceIngest('POST', '/api/v1/observations?x=1', DEVICE)).toBe(true);
    expect(isDeviceIngest('POST', '/sta/v1.1/Observations', DEVICE)).toBe(true);
    expect(isDeviceIngest('POST', '/sta/v1.1/Datastreams(4)/Observations', DEVICE)).toBe(true);
    expect(isDeviceIngest('POST', '/sta/v1.1/CreateObservations', 'bearer plaza_dev_x')).toBe(true);
  });

  it('limits what only looks like device ingest', () => {
    expect(isDeviceIngest('GET', '/api/v1/observations', DEVICE)).toBe(false);
    expect(isDeviceIngest('POST', '/api/v1/observations', undefined)).toBe(false);
    expect(isDeviceIngest('POST', '/api/v1/observations', 'Bearer plaza_key_abc')).toBe(false);
    expect(isDeviceIngest('POST', '/api/v1/observationsx', DEVICE)).toBe(false);
    expect(isDeviceIngest('POST', '/api/v1/datasets', DEVICE)).toBe(false);
    expect(isDeviceIngest('GET', '/sta/v1.1/Observations', DEVICE)).toBe(false);
  });

  it('never limits the admin token or CORS preflights', () => {
    expect(isLimited(ADMIN_TOKEN_PRINCIPAL, 'GET', '/api/v1/datasets', undefined)).toBe(false);
    expect(isLimited(anonymous('1.2.3.4'), 'OPTIONS', '/api/v1/datasets', undefined)).toBe(false);
    expect(isLimited(anonymous('1.2.3.4'), 'GET', '/api/v1/datasets', undefined)).toBe(true);
    expect(isLimited(anonymous('1.2.3.4'), 'HEAD', '/resource/x.csv', undefined)).toBe(true);
    expect(isLimited(anonymous('1.2.3.4'), 'GET', '/datasets', undefined)).toBe(false);
    expect(isLimited(anonymous('1.2.3.4'), 'POST', '/api/v1/observations', DEVICE)).toBe(false);
  });
});

describe('whom requests count against', () => {
  it('keeps keys, users and IPv4 addresses as they are', () => {
    expect(counterSubject('key:7f1c')).toBe('key:7f1c');
    expect(counterSubject('user:42')).toBe('user:42');
    expect(counterSubject('admin-token')).toBe('admin-token');
    expect(counterSubject('ip:203.0.113.9')).toBe('ip:203.0.113.9');
  });

  it('counts IPv6 clients by their /64 network', () => {
    expect(counterSubject('ip:2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('ip:2001:db8:85a3:8d3::/64');
    expect(counterSubject('ip:2001:db8:85a3:8d3::1')).toBe('ip:2001:db8:85a3:8d3::/64');
    expect(counterSubject('ip:2001:db8:85a3:8d3:ffff::2')).toBe('ip:2001:db8:85a3:8d3::/64');
  });

  it.each([
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
    ['2001:DB8::', '2001:db8:0:0::/64'],
    ['2001:0db8:0000:0001::5', '2001:db8:0:1::/64'],
    ['1::2:3:4:5:6:7', '1:0:2:3::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
  ])('%s is in %s', (address, network) => expect(ipv6Network(address)).toBe(network));

  it('puts every address of a /64 in the same network, and different /64s apart', () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    const address = fc.array(group, { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(address, address, (a, b) => {
        const same = a.slice(0, 4).every((g, i) => parseInt(g, 16) === parseInt(b[i]!, 16));
        const net = (x: string[]) => ipv6Network(x.join(':'));
        expect(net(a) === net(b)).toBe(same);
        // The compressed form of the same address lands in the same network.
        expect(ipv6Network(`${a.slice(0, 4).join(':')}::${a[7]}`)).toBe(net(a));
      }),
    );
  });
});

describe('budgets and verdicts', () => {
  const limits = loadConfig({
    PLAZA_LIMIT_REQUESTS: 'anonymous=3,standard=10',
    PLAZA_LIMIT_DOWNLOADS: 'anonymous=1',
    PLAZA_LIMIT_LIVE: 'elevated=7',
    PLAZA_LIMIT_WINDOW_SECONDS: '60',
  }).limits;

  it('takes the numbers of the tier', () => {
    expect(budgetOf(limits, 'anonymous')).toEqual({ tier: 'anonymous', limit: 3, windowSeconds: 60 });
    expect(budgetOf(limits, 'standard').limit).toBe(10);
    expect(budgetOf(limits, 'elevated').limit).toBe(10_000);
    expect(capOf(limits, 'download', 'anonymous')).toBe(1);
    expect(capOf(limits, 'download', 'standard')).toBe(4);
    expect(capOf(limits, 'live', 'elevated')).toBe(7);
  });

  it('allows the limit and refuses the next, with what is left and when it resets', () => {
    expect(verdict(1, 59_001, 3)).toEqual({ allowed: true, limit: 3, remaining: 2, resetSeconds: 60 });
    expect(verdict(3, 1_000, 3)).toEqual({ allowed: true, limit: 3, remaining: 0, resetSeconds: 1 });
    expect(verdict(4, 999, 3)).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 1 });
    expect(verdict(40, 0, 3)).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 0 });
    expect(verdict(1, 10, 0).allowed).toBe(false);
  });

  it('never promises more than is left', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(3_600_000), (count, limit, ms) => {
        const v = verdict(count, ms, limit);
        expect(v.remaining).toBeGreaterThanOrEqual(0);
        expect(v.remaining).toBeLessThanOrEqual(limit);
        expect(v.allowed).toBe(count <= limit);
        expect(v.resetSeconds * 1000).toBeGreaterThanOrEqual(ms);
        expect(v.resetSeconds * 1000 - ms).toBeLessThan(1000);
      }),
    );
  });

  it('says windows and durations in words', () => {
    expect(windowWords(3600)).toBe('hour');
    expect(windowWords(60)).toBe('minute');
    expect(windowWords(86_400)).toBe('day');
    expect(windowWords(7200)).toBe('2 hours');
    expect(windowWords(900)).toBe('15 minutes');
    expect(windowWords(90)).toBe('90 seconds');
    expect(windowWords(1)).toBe('second');
    expect(durationWords(1)).toBe('1 second');
    expect(durationWords(59)).toBe('59 seconds');
    expect(durationWords(61)).toBe('2 minutes');
    expect(durationWords(3600)).toBe('1 hour');
    expect(durationWords(3725)).toBe('1 hour 3 minutes');
  });
});

describe('refusals', () => {
  const limits = loadConfig({ PLAZA_LIMIT_REQUESTS: 'anonymous=300,standard=1000' }).limits;
  const errors = limitErrors(limits, 'https://data.city.example');
  const at = Date.parse('2026-03-01T12:00:00Z');

  it('tells an anonymous client the limit, the reset and how a key gives more', () => {
    const error = errors.exceeded(budgetOf(limits, 'anonymous'), 125, at);
    expect(error.status).toBe(429);
    expect(error.code).toBe('rate_limit.exceeded');
    expect(error.message).toContain('allows 300 requests per hour');
    expect(error.message).toContain('anonymous tier');
    expect(error.message).toContain('resets in 3 minutes (2026-03-01T12:02:05Z)');
    expect(error.message).toContain('https://data.city.example/account');
    expect(error.message).toContain('to get 1000 requests per hour');
    expect(error.details).toEqual({
      tier: 'anonymous',
      limit: 300,
      windowSeconds: 3600,
      resetSeconds: 125,
      resetAt: '2026-03-01T12:02:05Z',
    });
  });

  it('points each tier to the next one', () => {
    expect(errors.exceeded(budgetOf(limits, 'standard'), 5, at).message).toContain(
      'ask for the elevated tier at https://data.city.example/account',
    );
    expect(errors.exceeded(budgetOf(limits, 'elevated'), 5, at).message).toContain('partner tier');
    expect(errors.exceeded(budgetOf(limits, 'partner'), 5, at).message).toContain('open data team');
  });

  it('names the concurrency caps', () => {
    const downloads = errors.concurrent('download', 'anonymous', 2);
    expect(downloads.code).toBe('rate_limit.concurrent_downloads');
    expect(downloads.message).toContain('allows 2 running');
    expect(downloads.message).toContain('4 at once');
    const live = errors.concurrent('live', 'standard', 10);
    expect(live.code).toBe('rate_limit.live_connections');
    expect(live.message).toContain('repeat the dataset parameter');
  });
});
