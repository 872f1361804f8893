import { describe, expect, it } from 'vitest';
import { enforcementNotice, type NoticeInput } from './enforcement-notice.js';

const base: NoticeInput = {
  kind: 'suspend',
  target: { type: 'key', name: 'harbor app', prefix: '3f9a1c2b7d4e' },
  holderName: 'Dana',
  category: 'licence_breach',
  reason: 'The map shows our data without attribution.',
  until: '2026-04-01T07:00:00.000Z',
  reference: 42,
  cityName: 'City of Westminster',
  publicUrl: 'https://data.westminster.example/',
  formatTime: (iso) => `[${iso}]`,
};

describe('enforcement notices', () => {
  it('says what, until when, why, what it means and how to ask for a review', () => {
    const { subject, body } = enforcementNotice(base);
    expect(subject).toBe('Your API key "harbor app" is suspended');
    expect(body).toContain('Hello Dana,');
    expect(body).toContain(
      'We have suspended your API key "harbor app" (plaza_key_3f9a1c2b7d4e_…) on the City of Westminster open data portal, until [2026-04-01T07:00:00.000Z].',
    );
    expect(body).toContain(
      'Why: Breach of the licence or attribution terms.\n\nThe map shows our data without attribution.',
    );
    expect(body).toContain('auth.key_suspended');
    expect(body).toContain('works again by itself');
    expect(body).toContain('To ask for a review, reply to this message.');
    expect(body).toContain('quote reference 42.');
    expect(body).toContain('Your account: https://data.westminster.example/account');
  });

  it('words a suspension until further notice, a revocation and an account closure', () => {
    const open = enforcementNotice({ ...base, until: null }).body;
    expect(open).toContain('until further notice.');
    expect(open).not.toContain('by itself');
    const revoked = enforcementNotice({ ...base, kind: 'revoke', until: undefined });
    expect(revoked.subject).toBe('Your API key "harbor app" was revoked');
    expect(revoked.body).toContain('cannot be reinstated');
    const closed = enforcementNotice({
      ...base,
      kind: 'revoke',
      target: { type: 'account', email: 'dana@example.org' },
      category: 'security',
    });
    expect(closed.subject).toBe('Your developer account was closed');
    expect(closed.body).toContain('We have closed your developer account (dana@example.org)');
    expect(closed.body).toContain('Why: Security.');
    expect(closed.body).toContain('every API key of the account was revoked');
  });

  it('tells of a reinstatement without a review paragraph, with the note when there is one', () => {
    const plain = enforcementNotice({ ...base, kind: 'reinstate', category: undefined, reason: undefined });
    expect(plain.subject).toBe('Your API key "harbor app" works again');
    expect(plain.body).not.toContain('review');
    expect(plain.body).not.toContain('Why:');
    const noted = enforcementNotice({ ...base, kind: 'reinstate', reason: 'Thanks for fixing the credits.' });
    expect(noted.body).toContain('Note: Thanks for fixing the credits.');
  });

  it('greets without a name when there is none', () => {
    expect(enforcementNotice({ ...base, holderName: '  ' }).body.startsWith('Hello,\n\n')).toBe(true);
  });
});
