/**
 * Random credentials with a visible prefix (`plaza_key_3f9a1c2b7d4e_...`) and their digests. Long random secrets
 * need no slow hash: a SHA-256 digest is stored and compared in constant time.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 in hex; the one-shot form costs half of createHash's, and every request with a key needs one. */
export const digest = (secret: string) => hash('sha256', secret, 'hex');

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface NewSecret {
  /** The whole credential, shown once. */
  secret: string;
  /** The visible part, unique, safe to store and show. */
  prefix: string;
  hash: string;
}

/** A new credential of a kind (`key`, `ses`, ...): `plaza_<kind>_<12 hex>_<43 base64url>`. */
export function newSecret(kind: string): NewSecret {
  const prefix = randomBytes(6).toString('hex');
  const secret = `plaza_${kind}_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix, hash: digest(secret) };
}

/** The prefix of a credential of a kind, or undefined when it does not have that shape. */
export function prefixOf(kind: string, secret: string): string | undefined {
  const match = new RegExp(`^plaza_${kind}_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$`).exec(secret);
  return match?.[1];
}

/** An opaque random token (session ids, email links). */
export const randomToken = () => randomBytes(32).toString('base64url');
