/**
 * The account page's extension point: other parts of the access module (access requests, agreements) add a
 * section below the keys without the account routes knowing them.
 *
 *     addAccountSection(app, async ({ user, csrf }) => <section>...</section>);
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SafeHtml } from '../../web/html.js';
import type { User } from '../users/users.service.js';

export interface AccountSectionContext {
  request: FastifyRequest;
  reply: FastifyReply;
  /** The signed-in developer. */
  user: User;
  /** The session's CSRF token, for the section's forms. */
  csrf: string;
}

/** Renders one section of the account page, or nothing for this account. */
export type AccountSection = (
  context: AccountSectionContext,
) => Promise<SafeHtml | undefined> | SafeHtml | undefined;

const sections = new WeakMap<FastifyInstance, AccountSection[]>();

/** Adds a section to the account page of this app (in the order they are added). */
export function addAccountSection(app: FastifyInstance, section: AccountSection): void {
  const list = sections.get(app) ?? [];
  list.push(section);
  sections.set(app, list);
}

/** The sections of the account page for one request. */
export async function renderAccountSections(
  app: FastifyInstance,
  context: AccountSectionContext,
): Promise<SafeHtml[]> {
  const rendered = await Promise.all((sections.get(app) ?? []).map((render) => render(context)));
  return rendered.filter((s): s is SafeHtml => s !== undefined);
}
