/**
 * The home page's live strip: free parking spaces in an area and the air's PM2.5 now, server-rendered. Each
 * card carries what the `home-live` island needs to keep it current (its dataset, its datastreams' last
 * values, the band names) in a `data-live` attribute.
 */
import { Fragment, h, type SafeHtml } from '../html.js';
import type { SiteInfo } from '../pages/layout.js';
import {
  STALE_MS,
  type AirFigures,
  type CardConfig,
  type ParkingFigures,
  type Pm25Band,
} from './live-figures.js';

export interface LiveStripModel {
  parking?: { dataset: { id: string; title: string }; area: string; figures: ParkingFigures };
  air?: { dataset: { id: string; title: string }; figures: AirFigures };
}

export function bandNames(site: SiteInfo): Record<Pm25Band, string> {
  const t = site.t.home;
  return {
    good: t.bandGood,
    moderate: t.bandModerate,
    sensitive: t.bandSensitive,
    unhealthy: t.bandUnhealthy,
    very_unhealthy: t.bandVeryUnhealthy,
    hazardous: t.bandHazardous,
  };
}

function StaleNote(props: { site: SiteInfo; stale: boolean; newest: number | null }): SafeHtml {
  const t = props.site.t.home;
  return (
    <p class="home-live__note" data-stale hidden={!props.stale} data-stale-text={t.staleNow}>
      {props.stale && props.newest !== null
        ? t.stale(props.site.format.dateTime(new Date(props.newest).toISOString()))
        : t.staleNow}
    </p>
  );
}

function ParkingCard(props: { site: SiteInfo; model: NonNullable<LiveStripModel['parking']> }): SafeHtml {
  const { site, model } = props;
  const t = site.t.home;
  const { figures } = model;
  const config: CardConfig = {
    kind: 'parking',
    dataset: model.dataset.id,
    newest: figures.newest,
    streams: figures.streams,
  };
  const stale = figures.newest !== null && Date.now() - figures.newest > STALE_MS;
  return (
    <div class="home-live__card" data-live={JSON.stringify(config)}>
      <h3 class="home-live__title">{t.parkingHeading(model.area)}</h3>
      {figures.total === 0 ? (
        <p>{t.parkingNone}</p>
      ) : (
        <>
          <p class="home-live__figure">
            <span data-figure>{site.format.number(figures.free)}</span>
          </p>
          <p class="home-live__caption">{t.parkingFree(site.format.number(figures.total))}</p>
          <StaleNote site={site} stale={stale} newest={figures.newest} />
        </>
      )}
      <p class="home-live__link">
        <a href={`/datasets/${encodeURIComponent(model.dataset.id)}`}>
          {t.theData}
          <span class="usa-sr-only">: {model.dataset.title}</span>
        </a>
      </p>
    </div>
  );
}

function AirCard(props: { site: SiteInfo; model: NonNullable<LiveStripModel['air']> }): SafeHtml {
  const { site, model } = props;
  const t = site.t.home;
  const { figures } = model;
  const bands = bandNames(site);
  const config: CardConfig = {
    kind: 'air',
    dataset: model.dataset.id,
    newest: figures.newest,
    streams: figures.streams,
    bands,
  };
  return (
    <div class="home-live__card" data-live={JSON.stringify(config)}>
      <h3 class="home-live__title">{t.airHeading}</h3>
      {figures.value === null || figures.band === null ? (
        <p>{t.airNone}</p>
      ) : (
        <>
          <p class="home-live__figure">
            <span data-figure>{site.format.number(figures.value)}</span>{' '}
            <abbr class="home-live__unit" title={t.airUnit}>
              µg/m³
            </abbr>
          </p>
          <p class="home-live__band">
            <span class={`aq-band aq-band--${figures.band}`} data-band>
              {bands[figures.band]}
            </span>
          </p>
          <p class="home-live__caption">
            {t.airFigure(figures.stations, site.format.number(figures.stations))}
          </p>
          <StaleNote site={site} stale={figures.stale} newest={figures.newest} />
        </>
      )}
      <p class="home-live__link">
        <a href={`/datasets/${encodeURIComponent(model.dataset.id)}`}>
          {t.theData}
          <span class="usa-sr-only">: {model.dataset.title}</span>
        </a>
      </p>
    </div>
  );
}

export function LiveStrip(props: { site: SiteInfo; model: LiveStripModel }): SafeHtml | null {
  const { site, model } = props;
  if (!model.parking && !model.air) return null;
  const t = site.t.home;
  return (
    <section class="home-live" aria-labelledby="home-live-heading">
      <h2 id="home-live-heading">{t.liveHeading}</h2>
      <p class="home-live__intro">
        {t.liveIntro}{' '}
        <span data-live-updating hidden>
          {t.liveUpdating}
        </span>
      </p>
      <div class="home-live__cards">
        {model.parking ? <ParkingCard site={site} model={model.parking} /> : null}
        {model.air ? <AirCard site={site} model={model.air} /> : null}
      </div>
      {model.air ? <p class="home-live__fine">{t.bandNote}</p> : null}
      <p>
        <a href="/live">{t.liveMap}</a>
      </p>
    </section>
  );
}
