import type { CDPSession } from 'playwright-core';

/**
 * A Chromium trace of one phase, reduced to what the page-cost bench needs: the CPU time of the page's
 * main thread, and which of it ran Rapport's content script. Trace events carry thread time (`tdur`, CPU
 * time of the thread) next to wall time (`dur`): on a shared machine wall time grows with everyone
 * else's load, thread time does not. A task "runs Rapport" when an event inside it (FunctionCall,
 * EvaluateScript, compile) names a chrome-extension:// script; on a site's page only the content
 * script's world has such scripts (the sidebar's iframe is an extension process of its own).
 */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown>;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** CDPSession's typings list only protocol events Playwright knows; Tracing's are plain events. */
interface Events {
  on(event: string, listener: (payload: never) => void): unknown;
  off(event: string, listener: (payload: never) => void): unknown;
  once(event: string, listener: () => void): unknown;
}

export async function startTrace(session: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const cdp = session as unknown as Events & CDPSession;
  const events: TraceEvent[] = [];
  const collect = (event: { value: TraceEvent[] }) => {
    for (const value of event.value) events.push(value);
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES },
  });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/** The renderer that parsed a document of `origin`: the page's process (its main thread has its pid). */
export function pageProcess(events: TraceEvent[], origin: string): number | null {
  for (const event of events) {
    const url = (event.args?.beginData as { url?: string } | undefined)?.url;
    if (event.name === 'ParseHTML' && url?.startsWith(origin)) return event.pid;
  }
  return null;
}

const RAPPORT_EVENTS = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.run',
]);
const isRapport = (event: TraceEvent) =>
  RAPPORT_EVENTS.has(event.name) && JSON.stringify(event.args ?? {}).includes('chrome-extension://');

/** Complete events of one thread, without those nested in an earlier one (nested loops, re-entrancy). */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const sorted = events.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const out: TraceEvent[] = [];
  let end = -1;
  for (const event of sorted) {
    if (event.ts < end) continue;
    out.push(event);
    end = event.ts + (event.dur ?? 0);
  }
  return out;
}

export interface MainThread {
  /** All tasks of the page's main thread: CPU time and wall time. */
  cpuMs: number;
  wallMs: number;
  /** Rapport's own script (outermost content-script calls), CPU and wall. */
  rapportCpuMs: number;
  rapportWallMs: number;
  /**
   * Tasks over 50 ms of CPU that Rapport made long: its own part is over 50 ms, or the task would have
   * stayed under 50 ms without it. CPU, not wall time: on a loaded machine every task's wall time grows.
   */
  rapportLongTasks: { wallMs: number; cpuMs: number; rapportCpuMs: number }[];
  /** The longest task that ran any of Rapport's script (wall ms), whoever else ran in it. */
  longestRapportTaskMs: number;
  /** Rapport's CPU by kind of event and function (what to look at when a figure is high). */
  rapportBy: Record<string, number>;
}

export function mainThread(events: TraceEvent[], pid: number): MainThread {
  const thread = events.filter((e) => e.pid === pid && e.tid === pid);
  const tasks = outermost(thread.filter((e) => e.name === 'RunTask'));
  const rapport = outermost(thread.filter(isRapport));
  const ms = (value: number | undefined) => (value ?? 0) / 1000;
  const result: MainThread = {
    cpuMs: tasks.reduce((sum, e) => sum + ms(e.tdur ?? e.dur), 0),
    wallMs: tasks.reduce((sum, e) => sum + ms(e.dur), 0),
    rapportCpuMs: rapport.reduce((sum, e) => sum + ms(e.tdur ?? e.dur), 0),
    rapportWallMs: rapport.reduce((sum, e) => sum + ms(e.dur), 0),
    rapportLongTasks: [],
    longestRapportTaskMs: 0,
    rapportBy: {},
  };
  for (const event of rapport) {
    const data = event.args?.data as { functionName?: string; url?: string } | undefined;
    const key = `${event.name} ${data?.functionName ?? ''}`.trim();
    result.rapportBy[key] = (result.rapportBy[key] ?? 0) + ms(event.tdur ?? event.dur);
  }
  let next = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    while (next < rapport.length && (rapport[next]?.ts ?? 0) < task.ts) next++;
    let inside = 0;
    let count = 0;
    for (let index = next; index < rapport.length && (rapport[index]?.ts ?? 0) < end; index++) {
      inside += ms(rapport[index]?.tdur ?? rapport[index]?.dur);
      count++;
    }
    if (count === 0) continue;
    result.longestRapportTaskMs = Math.max(result.longestRapportTaskMs, ms(task.dur));
    const cpu = ms(task.tdur ?? task.dur);
    if (inside > 50 || (cpu > 50 && cpu - inside <= 50))
      result.rapportLongTasks.push({ wallMs: ms(task.dur), cpuMs: cpu, rapportCpuMs: inside });
  }
  return result;
}
