// Preloaded into a measured Node process (`node --import`): when the process exits, writes its peak resident
// memory (VmHWM, in bytes) to the file named by BENCH_PEAK_FILE. The parent cannot read /proc of a child that
// has already been reaped, so the exact end value has to come from the child itself.
import { readFileSync, writeFileSync } from 'node:fs';

const target = process.env.BENCH_PEAK_FILE;
if (target) {
  process.on('exit', () => {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) writeFileSync(target, String(Number(match[1]) * 1024));
  });
}
