// Where the page's main thread spent its time during a measure, from Chromium's own counters
// (DevTools protocol `Performance.getMetrics`): script, style recalculation, layout, and all tasks
// (the rest of a task's time is mostly painting and DOM work).
import type { CDPSession, Page } from '@playwright/test';

export interface MainThreadTime {
  readonly scriptMs: number;
  readonly styleMs: number;
  readonly layoutMs: number;
  readonly taskMs: number;
}

const COUNTERS = {
  scriptMs: 'ScriptDuration',
  styleMs: 'RecalcStyleDuration',
  layoutMs: 'LayoutDuration',
  taskMs: 'TaskDuration',
} as const;

async function read(session: CDPSession): Promise<MainThreadTime> {
  const { metrics } = await session.send('Performance.getMetrics');
  const seconds = (name: string): number => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    scriptMs: seconds(COUNTERS.scriptMs) * 1000,
    styleMs: seconds(COUNTERS.styleMs) * 1000,
    layoutMs: seconds(COUNTERS.layoutMs) * 1000,
    taskMs: seconds(COUNTERS.taskMs) * 1000,
  };
}

/** Reads the page's counters: `meter.start()` then `await meter.since()` gives the time in between. */
export async function mainThreadMeter(page: Page) {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  let start = await read(session);
  return {
    async start(): Promise<void> {
      start = await read(session);
    },
    async since(): Promise<MainThreadTime> {
      const now = await read(session);
      return {
        scriptMs: now.scriptMs - start.scriptMs,
        styleMs: now.styleMs - start.styleMs,
        layoutMs: now.layoutMs - start.layoutMs,
        taskMs: now.taskMs - start.taskMs,
      };
    },
  };
}

export type MainThreadMeter = Awaited<ReturnType<typeof mainThreadMeter>>;
