/** Where a browser goes after signing in. */
import type { UserKind } from '../principal.js';

/**
 * A `next` parameter that is safe to redirect to: a path on this site (one leading slash, not `//` or `/\`,
 * which browsers read as another host), without control characters; undefined otherwise.
 */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  return value;
}

/** The landing page of an account: the staff console for staff, the account page for developers. */
export const landingOf = (user: { kind: UserKind }) => (user.kind === 'staff' ? '/staff' : '/account');
