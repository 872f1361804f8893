import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('verifies the password it hashed and nothing else, with a fresh salt each time', async () => {
    const hash = await hashPassword('a long enough passphrase');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('a long enough passphrase', hash)).toBe(true);
    expect(await verifyPassword('a long enough passphrasE', hash)).toBe(false);
    expect(await hashPassword('a long enough passphrase')).not.toBe(hash);
  });

  it('treats canonically equivalent Unicode as the same password', async () => {
    const composed = 'café con leche por favor'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const hash = await hashPassword(composed);
    expect(await verifyPassword(decomposed, hash)).toBe(true);
  });

  it('refuses malformed hashes instead of throwing', async () => {
    expect(await verifyPassword('anything at all', 'md5$abc')).toBe(false);
    expect(await verifyPassword('anything at all', '')).toBe(false);
  });

  it('says what is wrong with a weak password', () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(300))).toMatch(/at most 256/);
    expect(passwordProblem('aaaaaaaaaaaaaaaa')).toMatch(/repeat/);
    expect(passwordProblem('maria.lopez-2026!', 'maria.lopez@example.org')).toMatch(/email/);
    expect(passwordProblem('correct horse battery staple', 'dana@example.org')).toBeUndefined();
  });
});
