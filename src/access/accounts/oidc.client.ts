/**
 * The OpenID Connect client (openid-client): the authorization code flow with PKCE, state and nonce. The
 * provider's metadata is discovered on first use and kept; a failed discovery is tried again on the next
 * sign-in. Plain-HTTP issuers are accepted only on the loopback interface (a provider on the same machine).
 */
import * as oidc from 'openid-client';
import type { OidcConfig } from '../../config.js';
import { AppError } from '../../errors.js';
import { accountErrors } from './accounts.errors.js';

/** What the browser carries between leaving for the provider and coming back (in an HttpOnly cookie). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  /** Where to go after signing in (a local path). */
  next?: string;
}

/** Who the provider says the person is. */
export interface OidcIdentity {
  subject: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function oidcClient(settings: OidcConfig, redirectUri: string) {
  let configuration: Promise<oidc.Configuration> | undefined;
  const issuer = new URL(settings.issuer);
  const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);

  function discover(): Promise<oidc.Configuration> {
    configuration ??= oidc
      .discovery(
        issuer,
        settings.clientId,
        undefined,
        oidc.ClientSecretBasic(settings.clientSecret),
        insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw Object.assign(accountErrors.oidcUnavailable(), { cause: error });
      });
    return configuration;
  }

  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

  return {
    /** The provider's authorization URL and what to remember until the browser comes back. */
    async start(next?: string): Promise<{ url: URL; pending: PendingSignIn }> {
      const config = await discover();
      const pending: PendingSignIn = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
        ...(next ? { next } : {}),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },

    /** Checks the provider's answer (the callback URL), redeems the code and says who signed in. */
    async finish(callbackUrl: URL, pending: PendingSignIn): Promise<OidcIdentity> {
      const config = await discover();
      try {
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw accountErrors.oidcFailed('the provider sent no ID token');
        let profile: Record<string, unknown> = claims;
        // Many providers put the email address only in the UserInfo answer, not in the ID token.
        if (text(claims.email) === undefined && tokens.access_token)
          profile = { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
        const email = text(profile.email)?.toLowerCase();
        return {
          subject: claims.sub,
          ...(email ? { email } : {}),
          emailVerified: profile.email_verified === true || profile.email_verified === 'true',
          ...(text(profile.name) ? { name: text(profile.name) } : {}),
        };
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (error instanceof oidc.AuthorizationResponseError)
          throw accountErrors.oidcFailed(`the provider answered "${error.error}"`);
        if (error instanceof TypeError && /fetch failed/i.test(error.message))
          throw Object.assign(accountErrors.oidcUnavailable(), { cause: error });
        throw Object.assign(accountErrors.oidcFailed('its answer did not pass the checks'), { cause: error });
      }
    },
  };
}

export type OidcClient = ReturnType<typeof oidcClient>;
