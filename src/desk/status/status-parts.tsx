/**
 * Pieces of the status page: a state's tag (a word and a symbol, never colour alone), the investigation badge
 * of a sensor feed, and the tables of a dataset's sensor feeds.
 */
import { Fragment, h, type SafeHtml } from '../../web/html.js';
import type { SiteInfo } from '../../web/pages/layout.js';
import { groupFeeds } from './status-rules.js';
import type { DatasetStatus, FeedState, FeedStatus } from './status.types.js';

/** A symbol beside each state's word, for those who cannot tell the colours apart. */
const SYMBOL: Record<FeedState, string> = { fresh: '✓', overdue: '!', unknown: '?', silent: '×' };

export function stateLabel(site: SiteInfo, state: FeedState): string {
  const t = site.t.status;
  return state === 'fresh'
    ? t.stateFresh
    : state === 'overdue'
      ? t.stateOverdue
      : state === 'silent'
        ? t.stateSilent
        : t.stateUnknown;
}

export function StateTag(props: { site: SiteInfo; state: FeedState }): SafeHtml {
  return (
    <span class={`status-tag status-tag--${props.state}`} data-state={props.state}>
      <span class="status-tag__symbol" aria-hidden="true">
        {SYMBOL[props.state]}
      </span>
      {stateLabel(props.site, props.state)}
    </span>
  );
}

function Investigation(props: { site: SiteInfo; feed: FeedStatus }): SafeHtml {
  const t = props.site.t.status;
  const found = props.feed.investigation;
  if (!found) return <span class="status-muted">{t.noInvestigation}</span>;
  const text = t.underInvestigation(found.report);
  return found.url ? (
    <a class="status-investigation" href={found.url}>
      {text}
    </a>
  ) : (
    <span class="status-investigation">{text}</span>
  );
}

/** Groups longer than this fold away under a <details>, open when one of their feeds needs attention. */
const FOLD_AFTER = 6;

function FeedTable(props: { site: SiteInfo; feeds: readonly FeedStatus[]; caption: string }): SafeHtml {
  const { site } = props;
  const t = site.t.status;
  return (
    <div class="usa-table-container--scrollable" tabindex="0" role="region" aria-label={props.caption}>
      <table class="usa-table usa-table--borderless status-table">
        <caption class="usa-sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colFeed}</th>
            <th scope="col">{t.colState}</th>
            <th scope="col">{t.colLastReading}</th>
            <th scope="col">{t.colExpected}</th>
            <th scope="col">{t.colInvestigation}</th>
          </tr>
        </thead>
        <tbody>
          {props.feeds.map((feed) => (
            <tr data-datastream={String(feed.datastreamId)}>
              <th scope="row">{feed.name}</th>
              <td>
                <StateTag site={site} state={feed.state} />
              </td>
              <td>{feed.lastObservation ? site.format.dateTime(feed.lastObservation) : t.noReadings}</td>
              <td>
                {/* A feed with a gap limit of its own may be quiet until then (sensors that report on change). */}
                {feed.gapMs && feed.overdueAfter
                  ? t.atTheLatest(site.format.dateTime(feed.overdueAfter))
                  : feed.expectedBy
                    ? site.format.dateTime(feed.expectedBy)
                    : t.notExpected}
              </td>
              <td>
                <Investigation site={site} feed={feed} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The feeds under their datasets: a heading and a table each, long groups folded. */
export function FeedGroups(props: {
  site: SiteInfo;
  feeds: readonly FeedStatus[];
  datasets: readonly DatasetStatus[];
}): SafeHtml {
  const { site } = props;
  const t = site.t.status;
  const titles = new Map(props.datasets.map((d) => [d.id, d.title]));
  return (
    <div class="status-feeds">
      {groupFeeds(props.feeds).map((group, i) => {
        const title = titles.get(group.datasetId) ?? group.datasetId;
        const attention = group.feeds.filter((f) => f.state === 'overdue' || f.state === 'silent').length;
        const summary = t.feedGroup(group.feeds.length, attention);
        const table = <FeedTable site={site} feeds={group.feeds} caption={t.feedsCaption(title)} />;
        return (
          <section class="status-group" aria-labelledby={`feeds-${i}`}>
            <h3 class="status-group__heading" id={`feeds-${i}`}>
              <a href={`/datasets/${encodeURIComponent(group.datasetId)}`}>{title}</a>
            </h3>
            {group.feeds.length > FOLD_AFTER ? (
              <details class="status-fold" open={attention > 0}>
                <summary>{summary}</summary>
                {table}
              </details>
            ) : (
              <>
                <p class="status-muted">{summary}</p>
                {table}
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
