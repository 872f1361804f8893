import type { ImportProgress } from '../tables/import/import.types.js';

const number = new Intl.NumberFormat('en-US');

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/**
 * Progress of an import on the terminal: one line rewritten in place on a TTY, a line every few seconds
 * otherwise (logs, CI). Written to stderr so that stdout stays for results.
 */
export function importProgress(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const tty = stream.isTTY === true;
  const started = Date.now();
  let phaseStarted = started;
  let phase = '';
  let last = 0;
  const interval = tty ? 200 : 5000;
  return {
    update(progress: ImportProgress): void {
      const now = Date.now();
      if (progress.phase !== phase) {
        phase = progress.phase;
        phaseStarted = now;
        // A new phase shows at once on a terminal; in a log only long phases get lines.
        if (!tty) return;
      } else if (now - last < interval) {
        return;
      }
      last = now;
      const seconds = (now - phaseStarted) / 1000;
      const percent =
        progress.totalBytes > 0 ? Math.min(100, (100 * progress.bytes) / progress.totalBytes) : 100;
      const rate = seconds >= 0.5 ? `  ${number.format(Math.round(progress.rows / seconds))} rows/s` : '';
      const line =
        `${label}: ${progress.phase.padEnd(7)} ${number.format(progress.rows)} rows` +
        `  ${percent.toFixed(0).padStart(3)}% of ${megabytes(progress.totalBytes)}${rate}`;
      stream.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
    },
    done(message: string): void {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`${tty ? '\r\x1b[2K' : ''}${label}: ${message} in ${seconds} s\n`);
    },
    fail(): void {
      if (tty) stream.write('\n');
    },
  };
}
