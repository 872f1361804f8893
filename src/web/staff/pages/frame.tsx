/** The frame of every staff page: the site layout, the staff navigation for the person's roles, a notice. */
import type { Role } from '../../../access/principal.js';
import { h, type SafeHtml } from '../../html.js';
import { Layout, type SiteInfo } from '../../pages/layout.js';

export interface StaffInfo {
  site: SiteInfo;
  roles: readonly Role[];
  /** The path of the page, to mark the current link. */
  path: string;
  /** The session's CSRF token for the page's forms. */
  csrf: string;
}

interface StaffLink {
  href: string;
  label: string;
  /** Who sees the link (admins see every link). */
  roles: readonly Role[];
}

/** The console's pages; each is shown only to the roles that can use it. */
export const STAFF_LINKS: readonly StaffLink[] = [
  { href: '/staff', label: 'Datasets', roles: ['steward', 'clerk', 'viewer'] },
  { href: '/staff/datasets/new', label: 'Publish a dataset', roles: ['steward'] },
  { href: '/staff/access-requests', label: 'Access requests', roles: ['steward'] },
  { href: '/staff/agreements', label: 'Agreements', roles: ['steward'] },
  { href: '/staff/records', label: 'Records requests', roles: ['steward', 'clerk'] },
  { href: '/staff/reports', label: 'Quality reports', roles: ['steward'] },
  { href: '/staff/notices', label: 'Notices', roles: ['steward'] },
  { href: '/staff/developers', label: 'Developers', roles: [] },
  { href: '/staff/audit', label: 'Audit log', roles: [] },
  { href: '/staff/mailbox', label: 'Mailbox', roles: [] },
];

export const canPublish = (roles: readonly Role[]) => roles.includes('admin') || roles.includes('steward');

export function linksFor(roles: readonly Role[]): StaffLink[] {
  return STAFF_LINKS.filter((l) => roles.includes('admin') || l.roles.some((r) => roles.includes(r)));
}

export type Notice = { kind: 'ok' | 'warn' | 'error'; text: string };

export function StaffFrame(props: {
  staff: StaffInfo;
  title: string;
  notice?: Notice | undefined;
  children?: unknown;
}): SafeHtml {
  const links = linksFor(props.staff.roles);
  return (
    <Layout site={props.staff.site} title={props.title}>
      <nav aria-label="Staff console" class="staff-nav">
        <ul style="list-style:none;display:flex;flex-wrap:wrap;gap:0.5rem 1.25rem;padding:0;margin:0 0 1rem">
          {links.map((l) => (
            <li>
              <a href={l.href} aria-current={l.href === props.staff.path ? 'page' : undefined}>
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.notice ? (
        <div
          class={`alert alert-${props.notice.kind}`}
          role={props.notice.kind === 'error' ? 'alert' : 'status'}
        >
          {props.notice.text}
        </div>
      ) : null}
      {props.children as SafeHtml}
    </Layout>
  );
}

/** A staff page for an error: not found, not allowed, a refused form token. */
export function StaffErrorPage(props: {
  site: SiteInfo;
  roles: readonly Role[];
  title: string;
  message: string;
}): SafeHtml {
  const staff = props.roles.length > 0;
  return (
    <Layout site={props.site} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>{staff ? <a href="/staff">Back to the staff console</a> : <a href="/">Search all datasets</a>}</p>
    </Layout>
  );
}
