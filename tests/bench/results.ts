import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { findChromium } from '../../scripts/find-chromium';

/**
 * bench-results.json: one file for every benchmark, one entry per bench, replaced when that bench runs
 * again, so `npm run bench` leaves the latest figures of each side by side. Each entry says when and on
 * what it was measured, because a figure without its machine and load means little on a shared box.
 */
export const RESULTS_FILE = resolve(import.meta.dirname, '../..', 'bench-results.json');

export interface Machine {
  cores: number;
  cpu: string;
  chromium: string;
  node: string;
  /** 1, 5 and 15 minute load averages when the bench finished. */
  loadAverage: number[];
}

/** One row of the printed table: a figure, its unit, and the budget it is held to (if any). */
export interface Headline {
  figure: string;
  value: number;
  unit: string;
  target?: string;
  /** Whether value meets the target; undefined when there is none. */
  met?: boolean;
}

export interface BenchEntry {
  date: string;
  machine: Machine;
  headlines: Headline[];
  details: unknown;
}

function chromiumVersion(): string {
  const path = findChromium();
  if (!path) return 'unknown';
  try {
    // The Debian launcher script complains on stderr about its environment; only stdout is the version.
    return execFileSync(path, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

export function machine(): Machine {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    chromium: chromiumVersion(),
    node: process.version,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

/**
 * Samples the 1-minute load average every 5 s until stopped, and gives its lowest and highest: on a shared
 * machine the same build's times have doubled between runs minutes apart (2026-12-07), so a run says what
 * load it saw, not only the load when it finished.
 */
export function watchLoad(): { range(): LoadRange; finish(): LoadRange } {
  const seen = [loadavg()[0] ?? 0];
  const timer = setInterval(() => seen.push(loadavg()[0] ?? 0), 5_000);
  const round = (value: number) => Math.round(value * 100) / 100;
  const range = () => {
    seen.push(loadavg()[0] ?? 0);
    return { min: round(Math.min(...seen)), max: round(Math.max(...seen)) };
  };
  return {
    range,
    /** The run is over: stops sampling and prints the range it saw. */
    finish() {
      clearInterval(timer);
      const load = range();
      console.info(`Load average (1 min) during the run: ${load.min} to ${load.max}`);
      return load;
    },
  };
}

interface LoadRange {
  min: number;
  max: number;
}

export function readResults(): Record<string, BenchEntry> {
  if (!existsSync(RESULTS_FILE)) return {};
  try {
    return JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, BenchEntry>;
  } catch {
    // A half-written or hand-edited file: start again rather than fail the bench that just ran.
    return {};
  }
}

/** Replaces this bench's entry, keeping the others. */
export function recordResults(bench: string, headlines: Headline[], details: unknown): void {
  const all = readResults();
  all[bench] = { date: new Date().toISOString(), machine: machine(), headlines, details };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 2)}\n`);
}

/** Prints every bench's headline figures as one table. */
export function printResults(all: Record<string, BenchEntry> = readResults()): void {
  const rows: Record<string, string>[] = [];
  for (const [bench, entry] of Object.entries(all)) {
    for (const headline of entry.headlines) {
      rows.push({
        bench,
        figure: headline.figure,
        value: `${headline.value} ${headline.unit}`,
        target: headline.target ?? '',
        met: headline.met === undefined ? '' : headline.met ? 'yes' : 'NO',
      });
    }
  }
  console.table(rows);
  for (const [bench, entry] of Object.entries(all)) {
    const m = entry.machine;
    console.info(
      `${bench}: ${entry.date}, ${m.cores} cores, ${m.chromium}, Node ${m.node}, load ${m.loadAverage.join(' ')}`,
    );
  }
}
