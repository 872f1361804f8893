/**
 * The live feed of the live page: one EventSource for all its datasets (`?dataset=a&dataset=b`, one connection
 * of the visitor's few), paused by closing it and resumed from the last event seen, so that nothing is lost
 * while paused (the server replays its last minutes; beyond them it says `reset` and the page reloads values).
 */

export interface LiveObservation {
  datastream: number;
  dataset: string;
  phenomenonTime: string;
  result: unknown;
}

export interface FeedHandlers {
  observation(observation: LiveObservation): void;
  /** Events were missed: reload the latest values. */
  reset(): void;
  /** Whether the stream is up (`live`) or reconnecting (`interrupted`). */
  state(state: 'live' | 'interrupted'): void;
}

export interface Feed {
  pause(): void;
  resume(): void;
}

/** When the server refused or dropped the stream for good, how long before trying again. */
const RETRY_MS = 15_000;

export function openFeed(datasets: readonly string[], handlers: FeedHandlers): Feed {
  let source: EventSource | undefined;
  let lastId: string | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const remember = (event: MessageEvent) => {
    if (event.lastEventId) lastId = event.lastEventId;
  };

  function open() {
    const query = new URLSearchParams();
    for (const dataset of datasets) query.append('dataset', dataset);
    if (lastId) query.set('lastEventId', lastId);
    const es = new EventSource(`/api/v1/live?${query.toString()}`);
    source = es;
    es.addEventListener('ready', (event) => {
      remember(event as MessageEvent);
      handlers.state('live');
    });
    es.addEventListener('observation', (event) => {
      const message = event as MessageEvent<string>;
      remember(message);
      handlers.state('live');
      try {
        handlers.observation(JSON.parse(message.data) as LiveObservation);
      } catch {
        // A malformed event is skipped; the next one carries on.
      }
    });
    es.addEventListener('reset', (event) => {
      remember(event as MessageEvent);
      handlers.reset();
    });
    es.addEventListener('error', () => {
      handlers.state('interrupted');
      // The browser reconnects by itself unless the server refused the stream (404, 403, 429...).
      if (es.readyState === EventSource.CLOSED && source === es) {
        source = undefined;
        retry = setTimeout(open, RETRY_MS);
      }
    });
  }

  function close() {
    if (retry !== undefined) clearTimeout(retry);
    retry = undefined;
    source?.close();
    source = undefined;
  }

  open();
  return {
    pause: close,
    resume() {
      close();
      open();
    },
  };
}
