/** The errors of developer sign-up, email confirmation and self-service keys (stable codes). */
import { AppError } from '../../errors.js';

export interface Problem {
  field: string;
  message: string;
}

export const developerErrors = {
  /** Everything wrong with a sign-up at once, so that a form can show each beside its field. */
  invalid: (problems: Problem[]) =>
    new AppError(
      'user.invalid',
      422,
      `The sign-up is incomplete: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`,
      { problems },
    ),
  linkInvalid: () =>
    new AppError(
      'account.verify_invalid',
      400,
      'This confirmation link is not valid. Open the whole link from the message, or sign in and ask for a new one.',
    ),
  linkUsed: () =>
    new AppError(
      'account.verify_used',
      410,
      'This confirmation link was already used (or a newer one replaced it). Sign in to continue.',
    ),
  linkExpired: () =>
    new AppError(
      'account.verify_expired',
      410,
      'This confirmation link has expired: links last 24 hours. Sign in and ask for a new one on your account page.',
    ),
  resendTooSoon: (seconds: number) =>
    new AppError(
      'account.verify_wait',
      429,
      `A link was sent less than a minute ago: check your mailbox (and its spam folder), or ask again in ${seconds} seconds.`,
      { retryAfter: seconds },
    ),
  alreadyVerified: () =>
    new AppError('account.already_verified', 409, 'This account’s email address is already confirmed.'),
  unverified: () =>
    new AppError(
      'account.unverified',
      403,
      'Confirm your email address before creating API keys: open the link we sent you, or ask for a new one on your account page.',
    ),
  developersOnly: () =>
    new AppError(
      'account.developers_only',
      403,
      'API keys belong to developer accounts. Staff work in the staff console; automation uses the admin token.',
    ),
  signInRequired: () =>
    new AppError(
      'auth.required',
      401,
      'Sign in, or send an API key of this account as "X-Api-Key: plaza_key_...".',
    ),
};
