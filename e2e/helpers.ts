// Shared e2e helpers: watch a page for CSP violations, page errors and requests leaving the origin.
import { expect, type Page } from '@playwright/test';
import type { UnitCosts } from '../src/core/pipeline/liveSchedule';

/** A strict CSP *header* for the static servers: stricter than the page's meta tag (no blob: workers); both apply. */
export const CSP_HEADER = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

export interface PageWatch {
  cspViolations: string[];
  pageErrors: string[];
  foreignRequests: string[];
  consoleErrors: string[];
}

/** Start recording problems on `page`; `origin` is the only origin requests may go to. */
export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = { cspViolations: [], pageErrors: [], foreignRequests: [], consoleErrors: [] };
  page.on('console', (msg) => {
    const text = msg.text();
    if (/content security policy|refused to/i.test(text)) watch.cspViolations.push(text);
    if (msg.type() === 'error') watch.consoleErrors.push(text);
  });
  page.on('pageerror', (err) => watch.pageErrors.push(err.message));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) watch.foreignRequests.push(url);
  });
  return watch;
}

/** Wait for the first screen (results present, agents' rollouts at the goal computed). */
export async function waitReady(page: Page): Promise<void> {
  await page.getByTestId('app-ready').waitFor({ state: 'visible', timeout: 90_000 });
}

/**
 * The mean return shown for an agent or reference row ('rollout-hereditary', 'rollout-oracle', …), once the
 * final update has landed (a drag's one-episode preview carries no data-return).
 */
export async function shownReturn(page: Page, testId: string): Promise<string | null> {
  await page.getByTestId('returns').and(page.locator('[data-phase=final]')).waitFor();
  return page.getByTestId(testId).getAttribute('data-return');
}

/** Drag the goal handle to a point given as fractions of the task-space view. */
export async function dragGoal(page: Page, fx: number, fy: number): Promise<void> {
  const svg = await page.getByTestId('task-space').boundingBox();
  const box = await page.getByTestId('goal-handle').boundingBox();
  if (!svg || !box) throw new Error('no bounding boxes');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(svg.x + svg.width * fx, svg.y + svg.height * fy, { steps: 12 });
  await page.mouse.up();
}

/** Quantiles of the 'drag-update' latencies (or, with 'compute', the previews' compute times on the page) in ms. */
export async function dragUpdateStats(
  page: Page,
  which: 'latency' | 'compute' = 'latency',
): Promise<{ count: number; p50: number; p95: number; max: number }> {
  const d = await page.evaluate(
    (w) =>
      (w === 'latency'
        ? window.__hereditaryTest?.dragUpdateDurations()
        : window.__hereditaryTest?.dragComputeDurations()) ?? [],
    which,
  );
  const s = [...d].sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : Number.NaN);
  return { count: s.length, p50: q(0.5), p95: q(0.95), max: s[s.length - 1] ?? Number.NaN };
}

/** Waits for this browser's measured unit costs (they re-label the budgets, which can move the layout). */
export async function measuredCosts(page: Page): Promise<UnitCosts> {
  const note = page.getByTestId('live-training').getByTestId('budget-note');
  await expect(note).toHaveAttribute('data-costs', /sacUpdateMs/, { timeout: 90_000 });
  return JSON.parse((await note.getAttribute('data-costs')) ?? '{}') as UnitCosts;
}
