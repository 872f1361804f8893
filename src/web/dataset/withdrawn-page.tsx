/**
 * The public note of a dataset the stewardship watch withdrew until its metadata is complete (HTTP 410): why it
 * is gone, that it is being fixed, and whom to ask. Only for datasets the public could see before.
 */
import type { WithdrawalNote } from '../../desk/stewardship/stewardship.types.js';
import { h, type SafeHtml } from '../html.js';
import { Layout, type SiteInfo } from '../pages/layout.js';

export function WithdrawnPage(props: { site: SiteInfo; note: WithdrawalNote }): SafeHtml {
  const { site, note } = props;
  const t = site.t.dataset;
  const title = t.withdrawnTitle(note.dataset.title);
  const { email, phone, name } = note.department;
  return (
    <Layout site={site} title={title} index={false} section="datasets">
      <h1>{title}</h1>
      <div class="usa-alert usa-alert--info usa-alert--slim" role="status">
        <div class="usa-alert__body">
          <p class="usa-alert__text">{t.withdrawnMessage}</p>
        </div>
      </div>
      <p>{t.withdrawnSince(site.format.date(note.withdrawnAt))}</p>
      {email || phone ? (
        <div>
          <p>{t.withdrawnContact(name)}</p>
          <ul>
            {email ? (
              <li>
                <a href={`mailto:${email}`}>{email}</a>
              </li>
            ) : null}
            {phone ? (
              <li>
                <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      <p>
        <a href="/datasets">{site.t.common.searchAll}</a>
      </p>
    </Layout>
  );
}
