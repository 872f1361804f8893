/**
 * Developer sign-up: name, email, password and acceptance of the terms of use. The account starts unconfirmed
 * and gets a confirmation link. Signing up with an address that already has an account answers exactly as a new
 * sign-up does (the answer never tells whether an address is registered); the owner of that account gets a
 * note instead, at most once an hour.
 */
import { AppError } from '../../errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OutboxService } from '../mail/outbox.service.js';
import { hashPassword, passwordProblem } from '../passwords.js';
import type { User, UsersService } from '../users/users.service.js';
import { developerErrors, type Problem } from './developer-errors.js';
import type { RequestMeta, Site, VerificationService } from './verification.service.js';

export interface SignUp {
  name: string;
  email: string;
  password: string;
  /** The terms of use (of the configured version) were accepted. */
  acceptTerms: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The "someone tried to sign up with your address" note goes to an address at most this often. */
const NOTE_EVERY_MS = 3600_000;
export const SIGNUP_ATTEMPT_KIND = 'signup_attempt';

/** Everything wrong with a sign-up, field by field (empty when it may go ahead). */
export function signUpProblems(input: SignUp): Problem[] {
  const problems: Problem[] = [];
  const name = input.name.trim();
  if (name.length === 0) problems.push({ field: 'name', message: 'give your name' });
  else if (name.length > 200) problems.push({ field: 'name', message: 'use at most 200 characters' });
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254)
    problems.push({ field: 'email', message: 'give a valid email address, like name@example.org' });
  const password = passwordProblem(input.password, EMAIL.test(email) ? email : undefined);
  if (password) problems.push({ field: 'password', message: password });
  if (!input.acceptTerms)
    problems.push({ field: 'acceptTerms', message: 'accept the terms of use to create an account' });
  return problems;
}

export function signUpService({
  users,
  verification,
  outbox,
  audit,
  site,
  termsVersion,
  now = () => new Date(),
}: {
  users: Pick<UsersService, 'create' | 'findByEmail'>;
  verification: Pick<VerificationService, 'send'>;
  outbox: Pick<OutboxService, 'enqueue' | 'list'>;
  audit: Pick<AuditService, 'record'>;
  site: Site;
  termsVersion: string;
  now?: () => Date;
}) {
  /** Tells the owner of an existing account that someone used their address to sign up. */
  async function noteAttempt(owner: Pick<User, 'email'>): Promise<void> {
    const recent = await outbox.list({ to: owner.email, limit: 50 });
    const since = new Date(now().getTime() - NOTE_EVERY_MS).toISOString();
    if (recent.some((m) => m.kind === SIGNUP_ATTEMPT_KIND && m.createdAt > since)) return;
    await outbox.enqueue({
      to: owner.email,
      kind: SIGNUP_ATTEMPT_KIND,
      subject: `Someone tried to sign up with your address on ${site.cityName} Open Data`,
      body: [
        'Hello,',
        '',
        `Someone tried to create a developer account on the ${site.cityName} open data portal with this`,
        'address, which already has an account. No new account was created and yours has not changed.',
        '',
        `If it was you, sign in instead: ${site.publicUrl}/signin`,
        'If you forgot your password, the sign-in page lets you choose a new one.',
        '',
        'If it was not you, you need not do anything.',
      ].join('\n'),
    });
  }

  return {
    /**
     * Creates an unconfirmed developer account and sends its confirmation link, or notes the attempt to the
     * owner of an existing account. Answers the same either way; throws user.invalid listing every problem.
     */
    async signUp(input: SignUp, meta: RequestMeta = {}): Promise<void> {
      const problems = signUpProblems(input);
      if (problems.length > 0) throw developerErrors.invalid(problems);
      const email = input.email.trim().toLowerCase();
      const existing = await users.findByEmail(email);
      if (existing) {
        // The same work as a new account (a password hash), so that the time taken does not tell either.
        await hashPassword(input.password);
        return noteAttempt(existing);
      }
      let user: User;
      try {
        user = await users.create({
          email,
          name: input.name.trim(),
          kind: 'developer',
          password: input.password,
          verified: false,
          termsVersion,
        });
      } catch (error) {
        // Another sign-up with this address got there first.
        if (error instanceof AppError && error.code === 'user.email_taken') return noteAttempt({ email });
        throw error;
      }
      await audit.record({
        action: 'user.signup',
        actorId: user.id,
        actor: user.email,
        targetType: 'user',
        targetId: user.id,
        ip: meta.ip ?? null,
        details: { kind: 'developer', termsVersion },
      });
      await verification.send(user);
    },
  };
}

export type SignUpService = ReturnType<typeof signUpService>;
