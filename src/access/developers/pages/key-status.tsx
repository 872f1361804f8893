import { h, type SafeHtml } from '../../../web/html.js';
import type { Formatter } from '../../../web/format.js';
import type { T } from '../../../web/i18n/index.js';
import type { ApiKey } from '../../keys/keys.service.js';

/** A key's status as a badge: active, suspended (until when, why) or revoked. */
export function KeyStatus(props: { t: T['account']; apiKey: ApiKey; format: Formatter }): SafeHtml {
  const { t, apiKey: k } = props;
  switch (k.status) {
    case 'active':
      return <span class="badge badge-ok">{t.keyActive}</span>;
    case 'suspended':
      return (
        <span class="badge badge-warn">
          {t.keySuspended(
            k.statusUntil ? props.format.dateTime(k.statusUntil) : undefined,
            k.statusReason ?? undefined,
          )}
        </span>
      );
    case 'revoked':
      return <span class="badge">{t.keyRevokedOn(props.format.date(k.revokedAt))}</span>;
  }
}
