/** The errors of sign-in, password reset and staff account administration, with their stable codes. */
import { AppError } from '../../errors.js';

export const accountErrors = {
  /** The same answer for an unknown address and a wrong password. */
  invalidCredentials: () =>
    new AppError(
      'auth.invalid_credentials',
      401,
      'The email address or the password is not right. Check both, or reset your password.',
    ),
  /** Said for every attempt while the account is locked, whether the password was right or not. */
  locked: (until: string) =>
    new AppError(
      'auth.account_locked',
      429,
      `Too many failed sign-in attempts: signing in to this account is paused until ${until} (UTC). ` +
        'Wait until then, or reset your password by email.',
      { until },
    ),
  resetTokenInvalid: () =>
    new AppError(
      'auth.reset_token_invalid',
      400,
      'This password reset link has expired or has already been used. Ask for a new one.',
    ),
  oidcDisabled: () =>
    new AppError('oidc.disabled', 404, 'Sign-in through an identity provider is not configured here.'),
  oidcUnavailable: () =>
    new AppError(
      'oidc.unavailable',
      502,
      'The identity provider did not answer. Try again in a minute, or sign in with your password.',
    ),
  oidcFailed: (reason: string) =>
    new AppError('oidc.failed', 400, `Signing in through the identity provider did not work: ${reason}.`),
  oidcNoEmail: () =>
    new AppError(
      'oidc.no_email',
      400,
      'The identity provider did not share an email address, which Plaza needs to know who you are. ' +
        'Ask IT to release the "email" claim to Plaza.',
    ),
  oidcEmailUnverified: (email: string) =>
    new AppError(
      'oidc.email_unverified',
      409,
      `An account with ${email} exists, but the identity provider has not confirmed that address, so Plaza ` +
        'will not link them. Sign in with your password, or ask IT to link the accounts.',
      { email },
    ),
  oidcSubjectConflict: (email: string) =>
    new AppError(
      'oidc.subject_conflict',
      409,
      `The account with ${email} is already linked to another identity at the provider. Ask IT to check it.`,
      { email },
    ),
  lastAdmin: () =>
    new AppError(
      'user.last_admin',
      409,
      'This is the last active admin: give the admin role to someone else before taking it away here.',
    ),
};

/** For a locked account's answer: seconds until the lock ends (the Retry-After header), else undefined. */
export function retryAfterSeconds(error: AppError, now = Date.now()): number | undefined {
  if (error.code !== 'auth.account_locked') return undefined;
  const until = Date.parse(String(error.details?.until ?? ''));
  return Number.isFinite(until) ? Math.max(1, Math.ceil((until - now) / 1000)) : undefined;
}
