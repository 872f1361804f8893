/**
 * `/status`: is every dataset and sensor feed as current as promised? A summary (all good, or how many are
 * overdue), a table of datasets (overdue first) with their promised frequency, last update and next expected
 * update, the sensor feeds under their datasets, what the states mean, and the same board as JSON.
 */
import { frequencyWords } from '../../web/dataset/describe.js';
import { h, type SafeHtml } from '../../web/html.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import { FeedGroups, StateTag } from './status-parts.js';
import { allGood } from './status-rules.js';
import type { DatasetStatus, StatusBoard } from './status.types.js';

export const STATUS_JSON = '/api/v1/status';

function Summary(props: { site: SiteInfo; board: StatusBoard }): SafeHtml {
  const { site, board } = props;
  const t = site.t.status;
  const n = (value: number) => site.format.number(value);
  const good = allGood(board);
  const feedsDown = board.feedCounts.overdue + board.feedCounts.silent;
  return (
    <section
      class={`usa-alert ${good ? 'usa-alert--success' : 'usa-alert--warning'} status-summary`}
      aria-labelledby="status-summary-heading"
    >
      <div class="usa-alert__body">
        <h2 class="usa-alert__heading" id="status-summary-heading">
          {good ? t.allGood : t.summaryHeading}
        </h2>
        {good ? null : (
          <ul class="usa-list status-summary__list">
            {board.counts.overdue > 0 ? <li>{t.datasetsOverdue(board.counts.overdue)}</li> : null}
            {feedsDown > 0 ? <li>{t.feedsDown(feedsDown)}</li> : null}
          </ul>
        )}
        <p class="usa-alert__text">
          {t.countDatasets(n(board.counts.fresh), n(board.counts.overdue), n(board.counts.unknown))}
        </p>
        {board.feeds.length > 0 ? (
          <p class="usa-alert__text">
            {t.countFeeds(
              n(board.feedCounts.fresh),
              n(board.feedCounts.overdue),
              n(board.feedCounts.silent),
              n(board.feedCounts.unknown),
            )}
          </p>
        ) : null}
        <p class="usa-alert__text">{t.checkedAt(site.format.dateTime(board.generatedAt))}</p>
      </div>
    </section>
  );
}

function DatasetRow(props: { site: SiteInfo; dataset: DatasetStatus }): SafeHtml {
  const { site, dataset: d } = props;
  const t = site.t.status;
  return (
    <tr data-dataset={d.id} data-state={d.state}>
      <th scope="row">
        <a href={`/datasets/${encodeURIComponent(d.id)}`}>{d.title}</a>
      </th>
      <td>{d.department.name}</td>
      <td>{frequencyWords(site, d.updateFrequency)}</td>
      <td>
        <StateTag site={site} state={d.state} />
      </td>
      <td>{d.lastUpdate ? site.format.dateTime(d.lastUpdate) : t.noData}</td>
      <td>{d.expectedBy ? site.format.dateTime(d.expectedBy) : t.notExpected}</td>
      <td class="status-number">{site.format.number(d.openReports)}</td>
    </tr>
  );
}

function DatasetTable(props: { site: SiteInfo; datasets: readonly DatasetStatus[] }): SafeHtml {
  const { site } = props;
  const t = site.t.status;
  if (props.datasets.length === 0) return <p>{t.noDatasets}</p>;
  return (
    <div
      class="usa-table-container--scrollable"
      tabindex="0"
      role="region"
      aria-labelledby="status-datasets-heading"
    >
      <table class="usa-table usa-table--borderless status-table">
        <caption class="usa-sr-only">{t.datasetsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colDataset}</th>
            <th scope="col">{t.colDepartment}</th>
            <th scope="col">{t.colFrequency}</th>
            <th scope="col">{t.colState}</th>
            <th scope="col">{t.colLastUpdate}</th>
            <th scope="col">{t.colExpected}</th>
            <th scope="col" class="status-number">
              {t.colReports}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.datasets.map((dataset) => (
            <DatasetRow site={site} dataset={dataset} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Legend(props: { site: SiteInfo }): SafeHtml {
  const { site } = props;
  const t = site.t.status;
  const states = [
    ['fresh', t.explainFresh],
    ['overdue', t.explainOverdue],
    ['unknown', t.explainUnknown],
    ['silent', t.explainSilent],
  ] as const;
  return (
    <section aria-labelledby="status-states-heading">
      <h2 id="status-states-heading">{t.statesHeading}</h2>
      <dl class="status-legend">
        {states.map(([state, text]) => (
          <div>
            <dt>
              <StateTag site={site} state={state} />
            </dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function StatusPage(props: { site: SiteInfo; board: StatusBoard }): SafeHtml {
  const { site, board } = props;
  const t = site.t.status;
  return (
    <Layout site={site} title={t.title} description={t.description}>
      <div class="status-board">
        <h1>{t.title}</h1>
        <p class="usa-intro">{t.intro}</p>
        <Summary site={site} board={board} />
        <h2 id="status-datasets-heading">{t.datasetsHeading}</h2>
        <DatasetTable site={site} datasets={board.datasets} />
        <section aria-labelledby="status-feeds-heading">
          <h2 id="status-feeds-heading">{t.feedsHeading}</h2>
          <p>{t.feedsIntro}</p>
          {board.feeds.length === 0 ? (
            <p>{t.noFeeds}</p>
          ) : (
            <FeedGroups site={site} feeds={board.feeds} datasets={board.datasets} />
          )}
        </section>
        <Legend site={site} />
        <section aria-labelledby="status-json-heading">
          <h2 id="status-json-heading">{t.jsonHeading}</h2>
          <p>
            {t.jsonText}{' '}
            <a href={STATUS_JSON} type="application/json">
              {t.jsonLink}
            </a>{' '}
            (<code>GET {STATUS_JSON}</code>)
          </p>
        </section>
      </div>
    </Layout>
  );
}
