import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const load = (env: Record<string, string>) => loadConfig(env);

describe('configuration of access', () => {
  it('has rate limits in the spirit of api.data.gov by default', () => {
    const { limits } = load({});
    expect(limits).toMatchObject({
      enabled: true,
      windowSeconds: 3600,
      requests: { anonymous: 300, standard: 1000, elevated: 10_000, partner: 100_000 },
    });
  });

  it('reads limits per tier, keeping the defaults of the tiers not given', () => {
    const { limits } = load({ PLAZA_LIMIT_REQUESTS: 'anonymous=60, partner=5', PLAZA_RATE_LIMITS: 'off' });
    expect(limits.enabled).toBe(false);
    expect(limits.requests).toEqual({ anonymous: 60, standard: 1000, elevated: 10_000, partner: 5 });
  });

  it.each([
    ['PLAZA_LIMIT_REQUESTS', 'gold=5'],
    ['PLAZA_LIMIT_DOWNLOADS', 'anonymous=-1'],
    ['PLAZA_LIMIT_LIVE', 'anonymous'],
    ['PLAZA_SMTP_URL', 'mail.example.org:25'],
    ['PLAZA_REDIS_URL', 'localhost:6379'],
    ['PLAZA_TRUST_PROXY', 'the load balancer'],
    ['PLAZA_OIDC_ISSUER', 'https://id.example.org'],
  ])('names %s when its value %j is wrong', (key, value) => {
    expect(() => load({ [key]: value })).toThrow(ConfigError);
    expect(() => load({ [key]: value })).toThrow(key);
  });

  it('enables OpenID Connect only with an issuer, a client id and a secret', () => {
    expect(load({}).oidc).toBeUndefined();
    expect(
      load({
        PLAZA_OIDC_ISSUER: 'https://id.example.org/realms/city',
        PLAZA_OIDC_CLIENT_ID: 'plaza',
        PLAZA_OIDC_CLIENT_SECRET: 's3cret',
      }).oidc,
    ).toEqual({
      issuer: 'https://id.example.org/realms/city',
      clientId: 'plaza',
      clientSecret: 's3cret',
      label: 'the city account',
      defaultRole: 'viewer',
    });
  });

  it('trusts no proxy unless told which', () => {
    expect(load({}).trustProxy).toBe(false);
    expect(load({ PLAZA_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(load({ PLAZA_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toBe('127.0.0.1,10.0.0.0/8');
  });

  it('accepts SMTP and Redis addresses', () => {
    const config = load({
      PLAZA_SMTP_URL: 'smtps://u:p@mail.example.org:465',
      PLAZA_REDIS_URL: 'redis://10.0.0.5:6379',
    });
    expect(config.smtpUrl).toBe('smtps://u:p@mail.example.org:465');
    expect(config.redisUrl).toBe('redis://10.0.0.5:6379');
  });
});
