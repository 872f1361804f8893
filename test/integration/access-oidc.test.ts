/**
 * Signing in through the city's identity provider, end to end over HTTP: a real OpenID Connect provider on a
 * free port issues a real authorization code to Plaza's real callback (PKCE, state, nonce), and Plaza finds,
 * links or creates the account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersRepo } from '../../src/access/users/users.repo.js';
import { createDeveloper, createStaff, PASSWORD } from '../fixtures/accounts.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';
import { startOidcProvider, type TestProvider } from '../support/oidc-provider.js';
import { freePort } from '../support/ports.js';

/** Cookies by host, as a browser keeps them (path and expiry are enough to ignore here but deletion). */
class CookieJar {
  private hosts = new Map<string, Map<string, string>>();
  header(url: URL): string {
    return [...(this.hosts.get(url.host) ?? new Map<string, string>())]
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  }
  store(url: URL, response: Response): void {
    const jar = this.hosts.get(url.host) ?? new Map<string, string>();
    this.hosts.set(url.host, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }
  get(host: string, name: string): string | undefined {
    return this.hosts.get(host)?.get(name);
  }
}

interface Hop {
  url: URL;
  status: number;
  location?: string;
  setCookies: string[];
  body: string;
}

describeDb('signing in through the identity provider', () => {
  let t: TestApp;
  let provider: TestProvider;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({ redirectUri: `${base}/signin/oidc/callback` });
    t = await createTestApp({
      env: {
        PLAZA_PUBLIC_URL: base,
        PLAZA_OIDC_ISSUER: provider.issuer,
        PLAZA_OIDC_CLIENT_ID: provider.clientId,
        PLAZA_OIDC_CLIENT_SECRET: provider.clientSecret,
        PLAZA_OIDC_LABEL: 'CityID',
        PLAZA_OIDC_DEFAULT_ROLE: 'clerk',
      },
    });
    await t.app.http.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  /**
   * Follows redirects like a browser, keeping cookies, from `start` until Plaza answers the callback (or
   * anything that is not a redirect). Returns every hop.
   */
  async function browse(start: string, jar = new CookieJar()): Promise<{ hops: Hop[]; jar: CookieJar }> {
    const hops: Hop[] = [];
    let url = new URL(start, base);
    for (let i = 0; i < 20; i++) {
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
      jar.store(url, response);
      const location = response.headers.get('location') ?? undefined;
      hops.push({
        url,
        status: response.status,
        ...(location ? { location } : {}),
        setCookies: response.headers.getSetCookie(),
        body: await response.text(),
      });
      if (!location || url.pathname === '/signin/oidc/callback') break;
      url = new URL(location, url);
    }
    return { hops, jar };
  }

  const callbackOf = (hops: Hop[]) => hops.find((h) => h.url.pathname === '/signin/oidc/callback')!;
  const plazaHost = () => new URL(base).host;

  async function whoIs(jar: CookieJar) {
    const session = jar.get(plazaHost(), 'plaza_session');
    if (!session) return undefined;
    const res = await fetch(`${base}/api/v1/session`, { headers: { cookie: `plaza_session=${session}` } });
    return (await res.json()) as {
      signedIn: boolean;
      account: { id: string; email: string; kind: string; name: string } | null;
      roles: string[];
    };
  }

  it('offers the provider on the sign-in page', async () => {
    const page = await (await fetch(`${base}/signin`)).text();
    expect(page).toContain('<form method="get" action="/signin/oidc" class="form">');
    expect(page).toContain('Sign in with CityID');
  });

  it('creates a staff account with the default role for a new person, and signs them in', async () => {
    provider.signInAs({
      sub: 'emp-1001',
      email: 'Ada.Lovelace@City.example',
      email_verified: true,
      name: 'Ada Lovelace',
    });
    const { hops, jar } = await browse('/signin/oidc');

    // Leaving for the provider: the authorization code flow with PKCE (S256), a state and a nonce.
    const leave = hops[0]!;
    expect(leave.status).toBe(303);
    const authorize = new URL(leave.location!);
    expect(`${authorize.origin}`).toBe(provider.issuer);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/signin/oidc/callback`);
    expect(authorize.searchParams.get('scope')).toBe('openid email profile');
    const pending = leave.setCookies.find((c) => c.startsWith('plaza_oidc='))!;
    expect(pending).toMatch(/HttpOnly/i);
    expect(pending).toMatch(/SameSite=Lax/i);
    expect(pending).toMatch(/Path=\/signin\/oidc/);
    // The verifier stays with the browser, never in the URL.
    expect(leave.location).not.toContain('code_verifier');
    expect(provider.prompts.slice(-2)).toEqual(['login', 'consent']);

    const back = callbackOf(hops);
    expect(back.url.searchParams.get('code')).toBeTruthy();
    expect(back.status, back.body).toBe(303);
    expect(back.location).toBe('/staff');
    expect(back.setCookies.find((c) => c.startsWith('plaza_session='))).toMatch(/HttpOnly/i);
    // The pending sign-in is used up.
    expect(jar.get(plazaHost(), 'plaza_oidc')).toBeUndefined();

    const who = await whoIs(jar);
    expect(who).toMatchObject({
      signedIn: true,
      account: { email: 'ada.lovelace@city.example', kind: 'staff', name: 'Ada Lovelace' },
      roles: ['clerk'],
    });
    const row = await usersRepo(t.db).findByEmail('ada.lovelace@city.example');
    expect(row).toMatchObject({ oidc_subject: 'emp-1001', password_hash: null });
    expect(row!.email_verified_at).not.toBeNull();
    expect(row!.last_login_at).not.toBeNull();

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', row!.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['user.create', 'identity provider'],
      ['user.sign_in', 'ada.lovelace@city.example'],
    ]);
    expect(JSON.parse(audit[1]!.details)).toEqual({ method: 'oidc' });
  });

  it('finds a returning person by their subject, even when their address changed', async () => {
    provider.signInAs({ sub: 'emp-2002', email: 'grace@city.example', email_verified: true, name: 'Grace' });
    const first = await browse('/signin/oidc');
    const id = (await whoIs(first.jar))!.account!.id;
    provider.signInAs({ sub: 'emp-2002', email: 'grace.hopper@city.example', email_verified: true });
    const again = await browse('/signin/oidc');
    expect(callbackOf(again.hops).status).toBe(303);
    expect((await whoIs(again.jar))!.account!.id).toBe(id);
    expect(await usersRepo(t.db).findByEmail('grace.hopper@city.example')).toBeUndefined();
  });

  it('links an existing account with the same, confirmed address and keeps its roles', async () => {
    await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/parks',
      payload: { id: 'parks', name: 'Parks' },
    });
    const staff = await createStaff(t, [{ role: 'steward', department: 'parks' }], {
      email: 'linus@city.example',
    });
    provider.signInAs({ sub: 'emp-3003', email: 'linus@city.example', email_verified: true });
    const { hops, jar } = await browse('/signin/oidc?next=%2Fdatasets%2Fpark-trees');
    expect(callbackOf(hops).location).toBe('/datasets/park-trees');
    expect(await whoIs(jar)).toMatchObject({ account: { id: staff.id }, roles: ['steward'] });
    expect((await usersRepo(t.db).find(staff.id))?.oidc_subject).toBe('emp-3003');
    const links = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.oidc_link')
      .where('target_id', '=', staff.id)
      .execute();
    expect(links).toHaveLength(1);
    // The password still works too.
    const res = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'linus@city.example', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
  });

  describe('refusals', () => {
    it('does not link an account when the provider has not confirmed the address', async () => {
      const developer = await createDeveloper(t, { email: 'mallory@city.example' });
      provider.signInAs({ sub: 'emp-4004', email: 'mallory@city.example', email_verified: false });
      const { hops, jar } = await browse('/signin/oidc');
      const back = callbackOf(hops);
      expect(back.status).toBe(409);
      expect(back.body).toContain('has not confirmed that address');
      expect(jar.get(plazaHost(), 'plaza_session')).toBeUndefined();
      expect((await usersRepo(t.db).find(developer.id))?.oidc_subject).toBeNull();
    });

    it('refuses a suspended account', async () => {
      provider.signInAs({ sub: 'emp-5005', email: 'suspended@city.example', email_verified: true });
      const first = await browse('/signin/oidc');
      const id = (await whoIs(first.jar))!.account!.id;
      await usersRepo(t.db).update(id, { status: 'suspended', status_reason: 'left the city' });
      t.app.services.access.forget({ userId: id });
      provider.signInAs({ sub: 'emp-5005', email: 'suspended@city.example', email_verified: true });
      const { hops, jar } = await browse('/signin/oidc');
      const back = callbackOf(hops);
      expect(back.status).toBe(403);
      expect(back.body).toContain('This account is suspended');
      expect(jar.get(plazaHost(), 'plaza_session')).toBeUndefined();
    });

    it('says so when the person refuses at the provider', async () => {
      provider.refuseNext();
      const { hops, jar } = await browse('/signin/oidc');
      const back = callbackOf(hops);
      expect(back.url.searchParams.get('error')).toBe('access_denied');
      expect(back.status).toBe(400);
      expect(back.body).toContain('the provider answered &quot;access_denied&quot;');
      expect(jar.get(plazaHost(), 'plaza_session')).toBeUndefined();
    });

    it('refuses a callback that this browser did not start, or whose state does not match', async () => {
      provider.signInAs({ sub: 'emp-6006', email: 'eve@city.example', email_verified: true });
      const { hops } = await browse('/signin/oidc');
      const callback = callbackOf(hops).url;
      // Another browser (no pending sign-in cookie) brings the same code.
      const stranger = await fetch(callback, { redirect: 'manual' });
      expect(stranger.status).toBe(400);
      expect(await stranger.text()).toContain('started in another browser');

      // A browser that started its own sign-in but comes back with someone else's code and state.
      const jar = new CookieJar();
      const start = await fetch(`${base}/signin/oidc`, { redirect: 'manual' });
      jar.store(new URL(base), start);
      const swapped = await fetch(callback, {
        redirect: 'manual',
        headers: { cookie: jar.header(new URL(base)) },
      });
      expect(swapped.status).toBe(400);
      expect(
        swapped.headers
          .getSetCookie()
          .some((c) => c.startsWith('plaza_session=') && !c.startsWith('plaza_session=;')),
      ).toBe(false);
    });
  });
});

describeDb('signing in through an identity provider that does not answer', () => {
  let t: TestApp;
  beforeAll(async () => {
    const closed = await freePort();
    t = await createTestApp({
      env: {
        PLAZA_OIDC_ISSUER: `http://127.0.0.1:${closed}`,
        PLAZA_OIDC_CLIENT_ID: 'plaza',
        PLAZA_OIDC_CLIENT_SECRET: 'not-used-because-nobody-answers',
      },
    });
  });
  afterAll(() => t.close());

  it('explains, and offers the password instead', async () => {
    const res = await t.inject('/signin/oidc');
    expect(res.statusCode).toBe(502);
    expect(res.body).toContain('The identity provider did not answer');
    expect(res.body).toContain('href="/signin"');
  });
});
