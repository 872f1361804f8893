/**
 * The admins' pages of developer accounts: the list, and one account with its keys and what was decided about
 * them (the forms of decisions are in enforcement-form.page.tsx).
 */
import { Fragment, h, type SafeHtml } from '../../web/html.js';
import type { Formatter } from '../../web/format.js';
import { StaffFrame, type StaffInfo } from '../../web/staff/pages/frame.js';
import type { AuditEntry } from '../audit/audit.service.js';
import { CATEGORY_LABELS } from './enforcement-notice.js';
import type { Developer, EnforcedKey, Status } from './enforcement.service.js';

export type Action = 'suspend' | 'revoke' | 'reinstate';

export const DONE_MESSAGES: Record<string, string> = {
  'key-suspend': 'The key is suspended. The holder was sent a notice.',
  'key-revoke': 'The key is revoked. The holder was sent a notice.',
  'key-reinstate': 'The key works again. The holder was sent a notice.',
  'account-suspend': 'The account is suspended and signed out everywhere. The holder was sent a notice.',
  'account-revoke': 'The account is closed and its keys revoked. The holder was sent a notice.',
  'account-reinstate': 'The account is active again. The holder was sent a notice.',
};

function StatusBadge(props: { status: Status }): SafeHtml {
  const kind = props.status === 'active' ? 'badge badge-ok' : 'badge badge-warn';
  return <span class={kind}>{props.status}</span>;
}

function statusLine(
  item: { status: Status; statusReason: string | null; statusUntil: string | null },
  format: Formatter,
) {
  if (item.status === 'active') return '';
  const until =
    item.status === 'suspended'
      ? item.statusUntil
        ? ` until ${format.dateTime(item.statusUntil)}`
        : ' until further notice'
      : '';
  return `${until}${item.statusReason ? ` — ${item.statusReason}` : ''}`;
}

const keyCounts = (keys: EnforcedKey[]) => {
  const count = (status: Status) => keys.filter((k) => k.status === status).length;
  const parts = [`${count('active')} active`];
  if (count('suspended')) parts.push(`${count('suspended')} suspended`);
  if (count('revoked')) parts.push(`${count('revoked')} revoked`);
  return parts.join(', ');
};

export function DevelopersPage(props: {
  staff: StaffInfo;
  developers: Developer[];
  q: string;
  status: string;
  next: string | null;
  format: Formatter;
}): SafeHtml {
  const nextQuery = new URLSearchParams({
    ...(props.q ? { q: props.q } : {}),
    ...(props.status ? { status: props.status } : {}),
    ...(props.next ? { cursor: props.next } : {}),
  }).toString();
  return (
    <StaffFrame staff={props.staff} title="Developers">
      <h1>Developers</h1>
      <p>
        Developer accounts and their API keys. Open an account to suspend or revoke it or one of its keys; the
        holder is told why by mail. See also the <a href="/staff/audit?action=key.*">audit log of keys</a>.
      </p>
      <form method="get" action="/staff/developers" class="form" role="search" aria-label="Find developers">
        <div class="field">
          <label for="developers-q">Email or name</label>
          <input type="search" id="developers-q" name="q" value={props.q} />
        </div>
        <div class="field">
          <label for="developers-status">Status</label>
          <select id="developers-status" name="status">
            <option value="" selected={props.status === ''}>
              Any
            </option>
            {(['active', 'suspended', 'revoked'] as const).map((s) => (
              <option value={s} selected={props.status === s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Find</button>
      </form>
      {props.developers.length === 0 ? (
        <p>No developer accounts match.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>Developer accounts by email</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Keys</th>
                <th scope="col">Tier</th>
                <th scope="col">Last sign-in</th>
              </tr>
            </thead>
            <tbody>
              {props.developers.map((d) => (
                <tr>
                  <td>
                    <a href={`/staff/developers/${encodeURIComponent(d.id)}`}>{d.email}</a>
                  </td>
                  <td>{d.name}</td>
                  <td>
                    <StatusBadge status={d.status} />
                    {statusLine(d, props.format)}
                  </td>
                  <td>{keyCounts(d.keys)}</td>
                  <td>{d.tier}</td>
                  <td>{props.format.dateTime(d.lastLoginAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.next ? (
        <p>
          <a href={`/staff/developers?${nextQuery}`}>Next page</a>
        </p>
      ) : null}
    </StaffFrame>
  );
}

const actionsOf = (status: Status): Action[] =>
  status === 'revoked'
    ? []
    : status === 'suspended'
      ? ['reinstate', 'suspend', 'revoke']
      : ['suspend', 'revoke'];

export const ACTION_LABELS: Record<'key' | 'account', Record<Action, string>> = {
  key: { suspend: 'Suspend', revoke: 'Revoke', reinstate: 'Reinstate' },
  account: {
    suspend: 'Suspend the account',
    revoke: 'Close the account',
    reinstate: 'Reinstate the account',
  },
};

function History(props: { entries: AuditEntry[]; keys: EnforcedKey[]; format: Formatter }): SafeHtml {
  const keyName = (id: string) => props.keys.find((k) => k.id === id)?.name ?? id;
  return (
    <div class="table-scroll">
      <table>
        <caption>Decisions and key events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Action</th>
            <th scope="col">About</th>
            <th scope="col">By</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>
                <time datetime={e.at}>{props.format.dateTime(e.at)}</time>
              </td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.targetType === 'api_key' ? `key "${keyName(e.targetId)}"` : 'the account'}</td>
              <td>{e.actor}</td>
              <td>
                {typeof e.details.category === 'string' && e.details.category in CATEGORY_LABELS
                  ? `${CATEGORY_LABELS[e.details.category as keyof typeof CATEGORY_LABELS]}: `
                  : ''}
                {e.reason ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DeveloperPage(props: {
  staff: StaffInfo;
  developer: Developer;
  history: AuditEntry[];
  done: string | undefined;
  format: Formatter;
}): SafeHtml {
  const d = props.developer;
  const base = `/staff/developers/${encodeURIComponent(d.id)}`;
  const done = props.done ? DONE_MESSAGES[props.done] : undefined;
  return (
    <StaffFrame
      staff={props.staff}
      title={`Developer ${d.email}`}
      notice={done ? { kind: 'ok', text: done } : undefined}
    >
      <p>
        <a href="/staff/developers">Developers</a>
      </p>
      <h1>{d.name || d.email}</h1>
      <dl>
        <dt>Email</dt>
        <dd>
          {d.email} {d.emailVerified ? '(verified)' : '(not verified)'}
        </dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={d.status} />
          {statusLine(d, props.format)}
        </dd>
        <dt>Tier</dt>
        <dd>{d.tier}</dd>
        <dt>Joined</dt>
        <dd>{props.format.dateTime(d.createdAt)}</dd>
        <dt>Last sign-in</dt>
        <dd>{props.format.dateTime(d.lastLoginAt)}</dd>
      </dl>
      {actionsOf(d.status).length ? (
        <p>
          {actionsOf(d.status).map((action, i) => (
            <>
              {i > 0 ? ' · ' : ''}
              <a href={`${base}/${action}`}>{ACTION_LABELS.account[action]}</a>
            </>
          ))}
        </p>
      ) : null}
      <h2>API keys</h2>
      {d.keys.length === 0 ? (
        <p>This account has no API keys.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>API keys, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Status</th>
                <th scope="col">Last used</th>
                <th scope="col">Created</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {d.keys.map((k) => (
                <tr>
                  <td>{k.name}</td>
                  <td>
                    <code>{`plaza_key_${k.prefix}_…`}</code>
                  </td>
                  <td>
                    <StatusBadge status={k.status} />
                    {statusLine(k, props.format)}
                  </td>
                  <td>{props.format.dateTime(k.lastUsedAt)}</td>
                  <td>{props.format.dateTime(k.createdAt)}</td>
                  <td>
                    {actionsOf(k.status).map((action, i) => (
                      <>
                        {i > 0 ? ' · ' : ''}
                        <a
                          href={`${base}/keys/${encodeURIComponent(k.id)}/${action}`}
                          aria-label={`${ACTION_LABELS.key[action]} the key ${k.name}`}
                        >
                          {ACTION_LABELS.key[action]}
                        </a>
                      </>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>History</h2>
      {props.history.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <History entries={props.history} keys={d.keys} format={props.format} />
      )}
      <p>
        <a href={`/staff/audit?target=user:${encodeURIComponent(d.id)}`}>The account in the audit log</a>
      </p>
    </StaffFrame>
  );
}
