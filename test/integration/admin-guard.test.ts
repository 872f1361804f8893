/** The admin token is checked before anything of the request is read: no body is parsed for strangers. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

describeDb('admin endpoints check the token first', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 401 to an invalid body without a token, not a validation error', async () => {
    const res = await t.inject({ method: 'POST', url: '/api/v1/datasets', payload: { nonsense: true } });
    expect(res.statusCode).toBe(401);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('auth.required');
  });

  it('answers 403 to an upload with a wrong token before reading it', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/datasets/anything/imports?mode=bogus',
      headers: { authorization: 'Bearer wrong-token-wrong-token', 'content-type': 'text/csv' },
      payload: 'a,b\n1,2\n',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('auth.forbidden');
  });

  it('names the allowed values when a parameter has a fixed list', async () => {
    const res = await t.inject('/api/v1/datasets?sort=size');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('relevance, updated, title');
  });
});
