import { h, type SafeHtml } from '../../../web/html.js';
import type { Formatter } from '../../../web/format.js';
import type { ApiKey } from '../../keys/keys.service.js';

/** A key's status as a badge: active, suspended (until when, why) or revoked. */
export function KeyStatus(props: { apiKey: ApiKey; format: Formatter }): SafeHtml {
  const k = props.apiKey;
  switch (k.status) {
    case 'active':
      return <span class="badge badge-ok">Active</span>;
    case 'suspended':
      return (
        <span class="badge badge-warn">
          Suspended{k.statusUntil ? ` until ${props.format.dateTime(k.statusUntil)}` : ''}
          {k.statusReason ? `: ${k.statusReason}` : ''}
        </span>
      );
    case 'revoked':
      return <span class="badge">Revoked {props.format.date(k.revokedAt)}</span>;
  }
}
