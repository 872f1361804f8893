import { h, type SafeHtml } from '../html.js';

/**
 * A code sample: scrolls sideways on a phone and takes focus so that a keyboard can scroll it. Samples are code,
 * not prose: they are not translated, and are marked as English for screen readers.
 */
export function Code(props: { lines: readonly string[] }): SafeHtml {
  return (
    <pre class="code-sample" tabindex="0" lang="en">
      <code>{props.lines.join('\n')}</code>
    </pre>
  );
}

/** A shell word in single quotes (an embedded quote closes, escapes and reopens). */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `curl -G <url> --data-urlencode '<name>=<value>' ...`, one parameter per line. */
export function curlQuery(url: string, params: readonly [string, string][], before = ''): string[] {
  if (params.length === 0) return [`curl ${before}${shellQuote(url)}`];
  return [
    `curl -G ${before}${shellQuote(url)} \\`,
    ...params.map(
      ([name, value], i) =>
        `  --data-urlencode ${shellQuote(`${name}=${value}`)}${i < params.length - 1 ? ' \\' : ''}`,
    ),
  ];
}
