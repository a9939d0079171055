// The first screen's floors: the same harness timing pages that do (almost) nothing, so the app's figure can be
// read against what this machine and browser need for any page (a static one) and for any React page (a bare root).
import type { BrowserContext } from '@playwright/test';
import { firstScreenMs, newBenchPage, type Quantiles, quantiles } from './benchBrowserHarness';

export const FLOOR_PAGES = {
  static: { path: 'floor-static.html', label: 'a static page (no script): navigation, parse, first frame' },
  react: { path: 'floor-react.html', label: 'a bare React root (the same React build) mounting one element' },
} as const;
export type FloorName = keyof typeof FLOOR_PAGES;
export const FLOOR_NAMES = Object.keys(FLOOR_PAGES) as FloorName[];

/** One load of each floor page (nav → its app-ready element), each in a new page of `ctx` (slowed `slowdown`×). */
export async function loadFloors(
  ctx: BrowserContext,
  origin: string,
  slowdown = 1,
): Promise<Record<FloorName, number>> {
  const out = {} as Record<FloorName, number>;
  for (const name of FLOOR_NAMES) {
    const page = await newBenchPage(ctx, slowdown);
    out[name] = await firstScreenMs(page, `${origin}/${FLOOR_PAGES[name].path}`);
    await page.close();
  }
  return out;
}

/** Medians per floor over the rounds. */
export function floorQuantiles(rounds: readonly Record<FloorName, number>[]): Record<FloorName, Quantiles> {
  return Object.fromEntries(FLOOR_NAMES.map((n) => [n, quantiles(rounds.map((r) => r[n]))])) as Record<
    FloorName,
    Quantiles
  >;
}
