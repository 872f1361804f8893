/** Measuring tools: wall time and peak memory of child processes, HTTP and pipe reads, medians. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';

const MB = 1024 * 1024;
const SAMPLE_MS = 25;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Peak resident memory (VmHWM) of a live process in bytes; null once the process is gone. */
export async function peakRss(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's VmHWM every few milliseconds; `peak` is the highest value seen so far. */
export function watchMemory(pid: number) {
  let peak = 0;
  let reading = false;
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    void peakRss(pid).then((rss) => {
      if (rss !== null && rss > peak) peak = rss;
      reading = false;
    });
  }, SAMPLE_MS);
  return {
    get peak() {
      return peak;
    },
    /** Reads once more (when the process still lives) and stops sampling. */
    async stop(): Promise<number> {
      clearInterval(timer);
      const rss = await peakRss(pid);
      if (rss !== null && rss > peak) peak = rss;
      return peak;
    },
  };
}

/** Counts bytes and line feeds of a stream, resolving when it ends. */
export function countStream(stream: Readable): Promise<{ bytes: number; lines: number }> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let lines = 0;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    stream.once('error', reject);
    stream.once('end', () => resolve({ bytes, lines }));
  });
}

export interface ProcessRun {
  seconds: number;
  exitCode: number | null;
  /** Peak resident memory in bytes, from sampling (see `exitPeak` for the exact value some commands report). */
  peakBytes: number;
  stdout: string;
  stderr: string;
  counted?: { bytes: number; lines: number };
}

/**
 * Runs a command to its end and times it from spawn to exit. stdout is kept as text, or only counted when
 * `countStdout` is set (large outputs).
 */
export async function runProcess(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { countStdout?: boolean } = {},
): Promise<ProcessRun> {
  const { countStdout, ...spawnOptions } = options;
  const started = performance.now();
  const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    // 'close' comes after the output streams ended: the time includes reading everything the command wrote.
    child.once('close', (code) => resolve(code));
  });
  const memory = child.pid === undefined ? null : watchMemory(child.pid);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  let stdout = '';
  const counting = countStdout && child.stdout ? countStream(child.stdout) : undefined;
  if (!counting) {
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
  }
  const [exitCode, counted] = await Promise.all([exited, counting]);
  const seconds = (performance.now() - started) / 1000;
  const peakBytes = (await memory?.stop()) ?? 0;
  return { seconds, exitCode, peakBytes, stdout, stderr, ...(counted && { counted }) };
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface HttpRead {
  status: number;
  seconds: number;
  bytes: number;
  lines: number;
  headers: Record<string, string | string[] | undefined>;
}

/** GETs a URL and reads the body to its end, counting bytes and line feeds; times request to last byte. */
export function httpRead(url: string): Promise<HttpRead> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { agent: false }, (response) => {
      countStream(response).then(
        ({ bytes, lines }) =>
          resolve({
            status: response.statusCode ?? 0,
            seconds: (performance.now() - started) / 1000,
            bytes,
            lines,
            headers: response.headers,
          }),
        reject,
      );
    });
    req.once('error', reject);
    req.end();
  });
}

/** Waits until a URL answers 200, or throws after `timeoutMs` or when `child` exits first. */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with code ${child.exitCode} before answering`);
    const ok = await httpRead(url).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Stops a child: SIGTERM, then SIGKILL when it has not exited after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export const toMb = (bytes: number) => bytes / MB;
