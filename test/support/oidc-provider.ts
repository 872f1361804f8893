/**
 * A real OpenID Connect provider (oidc-provider) on a free port of 127.0.0.1, for sign-in tests. Its login and
 * consent steps are answered programmatically: the test says who signs in next (or that the person refuses),
 * and the provider then issues a real authorization code to the client's real callback.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
// @ts-expect-error -- oidc-provider ships without type declarations; the little used here is typed below.
import ProviderModule from 'oidc-provider';
import { track } from './cleanup.js';
import { freePort } from './ports.js';

/** Who the provider says signs in: the claims it releases. */
export interface TestIdentity {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The person who signs in at the provider's next login prompt. */
  signInAs(identity: TestIdentity): void;
  /** The next person refuses at the provider (the client gets `error=access_denied`). */
  refuseNext(): void;
  /** Interactions the provider ran (login and consent prompts), for assertions. */
  readonly prompts: string[];
  close(): Promise<void>;
}

interface InteractionDetails {
  prompt: { name: string; details: Record<string, string[] | undefined> };
  params: Record<string, string>;
  session?: { accountId: string };
}

interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}

interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: new (fields: { accountId: string; clientId: string }) => Grant;
  on(event: string, listener: (...args: unknown[]) => void): void;
}

const ProviderClass = ProviderModule as new (issuer: string, configuration: object) => Provider;

/** Artifacts in memory, one map per model, with their expiry: enough for one test file. */
function memoryAdapter() {
  const stores = new Map<string, Map<string, { payload: Record<string, unknown>; expiresAt: number }>>();
  return class MemoryAdapter {
    private store: Map<string, { payload: Record<string, unknown>; expiresAt: number }>;
    constructor(name: string) {
      this.store = stores.get(name) ?? new Map();
      stores.set(name, this.store);
    }
    async upsert(id: string, payload: Record<string, unknown>, expiresIn: number) {
      this.store.set(id, { payload, expiresAt: Date.now() + expiresIn * 1000 });
    }
    async find(id: string) {
      const entry = this.store.get(id);
      if (!entry || entry.expiresAt <= Date.now()) return undefined;
      return entry.payload;
    }
    async findByUid(uid: string) {
      for (const [id, entry] of this.store) if (entry.payload.uid === uid) return this.find(id);
      return undefined;
    }
    async findByUserCode(userCode: string) {
      for (const [id, entry] of this.store) if (entry.payload.userCode === userCode) return this.find(id);
      return undefined;
    }
    async consume(id: string) {
      const entry = this.store.get(id);
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      this.store.delete(id);
    }
    async revokeByGrantId(grantId: string) {
      for (const [id, entry] of this.store) if (entry.payload.grantId === grantId) this.store.delete(id);
    }
  };
}

/** Starts a provider with one confidential client whose only redirect URI is `redirectUri`. */
export async function startOidcProvider({ redirectUri }: { redirectUri: string }): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'plaza';
  const clientSecret = randomBytes(32).toString('base64url');
  const people = new Map<string, TestIdentity>();
  let next: TestIdentity | 'refuse' | undefined;
  const prompts: string[] = [];

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ttl = 600;
  const provider = new ProviderClass(issuer, {
    adapter: memoryAdapter(),
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    async findAccount(_ctx: unknown, accountId: string) {
      const person = people.get(accountId);
      if (!person) return undefined;
      return { accountId, claims: async () => ({ ...person }) };
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: ttl,
      AuthorizationCode: ttl,
      Grant: ttl,
      IdToken: ttl,
      Interaction: ttl,
      Session: ttl,
    },
  });

  /** Answers the login and consent prompts as the test said. */
  async function interact(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    prompts.push(details.prompt.name);
    if (next === 'refuse') {
      next = undefined;
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The person refused.' },
        { mergeWithLastSubmission: false },
      );
    }
    if (details.prompt.name === 'login') {
      if (!next) throw new Error('the test did not say who signs in (signInAs)');
      people.set(next.sub, next);
      const accountId = next.sub;
      next = undefined;
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId } },
        { mergeWithLastSubmission: false },
      );
    }
    const grant = new provider.Grant({
      accountId: details.session!.accountId,
      clientId: details.params.client_id!,
    });
    const { missingOIDCScope, missingOIDCClaims } = details.prompt.details;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }

  const handle = provider.callback();
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interact(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  const close = track(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (identity) => void (next = identity),
    refuseNext: () => void (next = 'refuse'),
    prompts,
    close,
  };
}
