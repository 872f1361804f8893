/**
 * Keeps the home page's live strip current: follows the strip's datasets on the live feed (Server-Sent Events)
 * and recounts free parking spaces and the air's PM2.5 from each new reading. The page is complete without it;
 * the figures change quietly (no announcements), and without animation for those who ask for less motion.
 */
import { STALE_MS, summarizeAir, takenAt, type CardConfig } from '../home/live-figures.js';

interface Card {
  element: HTMLElement;
  config: CardConfig;
  newest: number;
}

interface Observation {
  datastream: number;
  phenomenonTime: string | null;
  result: unknown;
}

const lang = document.documentElement.lang || 'en';
const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
const calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const cards: Card[] = [];
for (const element of document.querySelectorAll<HTMLElement>('[data-live]')) {
  try {
    const config = JSON.parse(element.dataset.live ?? '') as CardConfig;
    cards.push({ element, config, newest: config.newest ?? 0 });
  } catch {
    // A card without a readable configuration stays as the server rendered it.
  }
}

function setText(element: Element | null, text: string): void {
  if (!element || element.textContent === text) return;
  element.textContent = text;
  if (calm) return;
  element.classList.remove('is-updated');
  void (element as HTMLElement).offsetWidth;
  element.classList.add('is-updated');
}

function showStale(card: Card, now: number): void {
  const note = card.element.querySelector<HTMLElement>('[data-stale]');
  if (!note || card.newest === 0) return;
  const stale = now - card.newest > STALE_MS;
  if (stale && note.hidden) note.textContent = note.dataset.staleText ?? note.textContent;
  note.hidden = !stale;
}

function render(card: Card): void {
  const { config, element } = card;
  if (config.kind === 'parking') {
    const free = Object.values(config.streams).filter((state) => state === 1).length;
    setText(element.querySelector('[data-figure]'), numbers.format(free));
  } else {
    const air = summarizeAir(config.streams, Date.now());
    if (air.value === null || air.band === null) return;
    setText(element.querySelector('[data-figure]'), numbers.format(air.value));
    const band = element.querySelector<HTMLElement>('[data-band]');
    if (band) {
      band.className = `aq-band aq-band--${air.band}`;
      setText(band, config.bands[air.band]);
    }
  }
  showStale(card, Date.now());
}

function apply(observation: Observation): void {
  const at = takenAt(observation.phenomenonTime) ?? Date.now();
  for (const card of cards) {
    const { config } = card;
    const id = observation.datastream;
    if (config.kind === 'parking') {
      if (!(id in config.streams) || typeof observation.result !== 'string') continue;
      config.streams[id] = observation.result.trim().toLowerCase() === 'free' ? 1 : 0;
    } else {
      const value = observation.result;
      if (!(id in config.streams) || typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        continue;
      config.streams[id] = [value, at];
    }
    card.newest = Math.max(card.newest, at);
    render(card);
  }
}

const datasets = [...new Set(cards.map((c) => c.config.dataset))];
let source: EventSource | undefined;
/** The feed's last event id: a stream opened again resumes after it, so that no reading is missed. */
let lastId = '';

function open(): void {
  if (source || datasets.length === 0 || typeof EventSource === 'undefined') return;
  const query = datasets.map((id) => `dataset=${encodeURIComponent(id)}`).join('&');
  const resume = lastId ? `&lastEventId=${encodeURIComponent(lastId)}` : '';
  const stream = new EventSource(`/api/v1/live?${query}${resume}`);
  const remember = (event: Event) => {
    lastId = (event as MessageEvent<string>).lastEventId || lastId;
  };
  stream.addEventListener('ready', (event) => {
    remember(event);
    const note = document.querySelector<HTMLElement>('[data-live-updating]');
    if (note) note.hidden = false;
  });
  stream.addEventListener('observation', (event) => {
    remember(event);
    try {
      apply(JSON.parse((event as MessageEvent<string>).data) as Observation);
    } catch {
      // An event this page cannot read changes nothing.
    }
  });
  // The browser reconnects by itself after a dropped connection; after `end` (or a refusal) the stream stays
  // closed until the page is shown again.
  stream.addEventListener('end', close);
  stream.addEventListener('error', () => {
    if (stream.readyState === EventSource.CLOSED && source === stream) source = undefined;
  });
  source = stream;
}

function close(): void {
  source?.close();
  source = undefined;
}

open();
// A page nobody looks at holds no live connection.
document.addEventListener('visibilitychange', () => (document.hidden ? close() : open()));
// Readings can grow old while the page stays open: say so once they do.
window.setInterval(() => {
  for (const card of cards) showStale(card, Date.now());
}, 60_000);
