/**
 * `/records/log/{number}`: one published request as everyone may see it: what was asked, which departments
 * answer it, its dates and status, the City's public messages, the documents released to the public, and the
 * datasets published from it. Who asked is never shown.
 */
import { h, raw, type SafeHtml } from '../../web/html.js';
import { Breadcrumb } from '../../web/pages/breadcrumb.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import type { RequestDetail } from '../records/records.types.js';
import { departmentNames, DocumentList, DueLine, MessageList, StatusTag, Written } from './public-parts.js';

export function EntryPage(props: {
  site: SiteInfo;
  request: RequestDetail;
  /** Datasets the public may see (linked datasets and dataset documents are filtered by it). */
  publicDatasets: ReadonlySet<string>;
}): SafeHtml {
  const { site, request } = props;
  const t = site.t.records;
  const datasets = request.datasets.filter((d) => props.publicDatasets.has(d.id));
  return (
    <Layout
      site={site}
      title={t.requestNumber(request.number)}
      description={t.entryDescription(request.number)}
    >
      <div class="records records-entry">
        <Breadcrumb
          site={site}
          trail={[
            { href: '/records', text: t.title },
            { href: '/records/log', text: t.logTitle },
          ]}
          current={request.number}
        />
        <h1>{t.requestNumber(request.number)}</h1>
        <dl class="records-facts">
          <dt>{t.statusHeading}</dt>
          <dd>
            <StatusTag site={site} request={request} />
          </dd>
          <dt>{t.deadlineHeading}</dt>
          <dd>
            <DueLine site={site} request={request} />
          </dd>
          <dt>{t.receivedHeading}</dt>
          <dd>{site.format.date(request.receivedAt)}</dd>
          <dt>{t.departmentsHeading}</dt>
          <dd>{departmentNames(site, request)}</dd>
        </dl>
        <section class="records-section" aria-labelledby="records-description-heading">
          <h2 id="records-description-heading">{t.requestHeading}</h2>
          <Written text={request.description} class="records-description" />
        </section>
        {request.extension ? (
          <section class="records-section" aria-labelledby="records-extension-heading">
            <h2 id="records-extension-heading">{t.extensionHeading}</h2>
            <p>{t.extensionShort(request.extension.days, t.unusualCircumstance(request.extension.reason))}</p>
          </section>
        ) : null}
        <section class="records-section" aria-labelledby="records-documents-heading">
          <h2 id="records-documents-heading">{t.publicDocumentsHeading}</h2>
          <DocumentList
            site={site}
            documents={request.documents}
            visible={['public']}
            datasetLinked={(id) => props.publicDatasets.has(id)}
          />
        </section>
        {datasets.length > 0 ? (
          <section class="records-section" aria-labelledby="records-datasets-heading">
            <h2 id="records-datasets-heading">{t.linkedDatasetsHeading}</h2>
            <ul class="usa-list">
              {datasets.map((d) => (
                <li>
                  <a href={`/datasets/${encodeURIComponent(d.id)}`}>{d.title}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          raw('')
        )}
        <section class="records-section" aria-labelledby="records-messages-heading">
          <h2 id="records-messages-heading">{t.messagesHeading}</h2>
          <MessageList site={site} messages={request.messages} />
        </section>
        <p>
          <a href="/records/log">{t.backToLog}</a>
        </p>
      </div>
    </Layout>
  );
}
