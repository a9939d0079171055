// Shared harness of the browser benchmark and soak scripts: Chromium, builds, preview servers, page probes.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { chromiumExecutable, QUIET_BROWSER_FLAGS, WEBGPU_FLAGS } from './chromium';

/**
 * System Chromium with the WebGPU flags. `quiet: false` leaves out QUIET_BROWSER_FLAGS, so that Chromium starts its
 * omnibox popup renderer beside every new page as it did in the benchmarks before session 20 (a comparison row).
 */
export function launchChromium(extraArgs: string[] = [], { quiet = true } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: [
      '--no-sandbox',
      '--enable-precise-memory-info',
      ...(quiet ? QUIET_BROWSER_FLAGS : []),
      ...WEBGPU_FLAGS,
      ...extraArgs,
    ],
  });
}

/**
 * A new page of `ctx` whose renderer runs `slowdown`× slower (CDP CPU throttling; 1 leaves it as it is): a stand-in
 * for a slower machine of the same kind. Chromium throttles the page's renderer, not the browser process.
 */
export async function newBenchPage(ctx: BrowserContext, slowdown = 1): Promise<Page> {
  const page = await ctx.newPage();
  if (slowdown > 1) {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  return page;
}

export const log = (s: string): void => {
  process.stderr.write(`${s}\n`);
};

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** `vite build` of the app into `outDir` (dist/ by default; throws on failure). */
export function buildApp(outDir = 'dist'): void {
  const r = spawnSync(
    'node_modules/.bin/vite',
    ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error(`vite build failed with code ${r.status}`);
}

export interface RunningServer {
  origin: string;
  stop(): Promise<void>;
}

async function waitForHttp(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(origin);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${origin} did not answer within ${timeoutMs} ms`);
}

/** `vite preview` of a built folder on a free port; the vite binary is started directly so stop() ends it. */
export async function startPreview(outDir = 'dist'): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(
    'node_modules/.bin/vite',
    ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(origin, child, 30_000);
  } catch (e) {
    child.kill('SIGTERM');
    throw e;
  }
  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export { type Quantiles, quantiles } from './benchTable';

/**
 * How the harness sees the first screen:
 * - `observer` (the reported figure): a few lines installed before any page script mark `harness:ready` in the
 *   first animation frame that finds the app-ready element, and say so on the console; the harness waits for that
 *   message and reads the mark afterwards, so nothing of the harness runs in the page during the load;
 * - `poll`: Playwright's `waitForFunction` polled every frame, the method of earlier runs. Its injected script is
 *   compiled and run on the page's main thread during the load, which costs that load 30–170 ms on a 2-core
 *   machine (the static floor page reads ≈ 250 ms instead of ≈ 90 ms); kept as a labelled comparison row.
 */
export type FirstScreenMethod = 'observer' | 'poll';

const READY_MARK = 'harness:ready';
const READY_OBSERVER = `(() => {
  const tick = () => {
    if (document.querySelector('[data-testid="app-ready"]')) {
      performance.mark('${READY_MARK}');
      console.debug('${READY_MARK}');
    } else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Navigation start → app-ready, in ms (performance.now() counts from the navigation; checked every frame). */
export async function firstScreenMs(
  page: Page,
  url: string,
  method: FirstScreenMethod = 'observer',
  timeoutMs = 120_000,
): Promise<number> {
  if (method === 'poll') {
    await page.goto(url, { waitUntil: 'commit' });
    const at = await page.waitForFunction(
      () => (document.querySelector('[data-testid="app-ready"]') ? performance.now() : false),
      undefined,
      { polling: 'raf', timeout: timeoutMs },
    );
    return (await at.jsonValue()) as number;
  }
  await page.addInitScript({ content: READY_OBSERVER });
  const said = page.waitForEvent('console', {
    predicate: (m) => m.text() === READY_MARK,
    timeout: timeoutMs,
  });
  await page.goto(url, { waitUntil: 'commit' });
  await said;
  return page.evaluate((n) => performance.getEntriesByName(n)[0].startTime, READY_MARK);
}

/** ms after navigation of a performance.mark the page sets (waits for it). */
export async function milestoneMs(page: Page, name: string, timeoutMs = 120_000): Promise<number> {
  const at = await page.waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime ?? false, name, {
    polling: 'raf',
    timeout: timeoutMs,
  });
  return (await at.jsonValue()) as number;
}

/** Drag the goal handle to a point given as fractions of the task-space view, in `steps` pointer moves. */
/** Drag the goal handle to a point of the task-space panel (fractions of its box), one move per ~16 ms. */
export async function dragGoal(page: Page, fx: number, fy: number, steps = 12): Promise<void> {
  const svg = await page.getByTestId('task-space').boundingBox();
  const box = await page.getByTestId('goal-handle').boundingBox();
  if (!svg || !box) throw new Error('no bounding boxes for the goal drag');
  const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
  const [x1, y1] = [svg.x + svg.width * fx, svg.y + svg.height * fy];
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  // Paced like a 60 Hz pointer: a burst of moves with no gaps would measure queueing, not updates.
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

/** Durations (ms) of the page's performance measures of one name so far. */
export function measureDurations(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);
}

export interface LiveRunTiming {
  status: string;
  /** Click on "Train these settings" → live-training status 'done' (or the time it was given up), ms. */
  totalMs: number;
  /** Navigation → the click (the page loaded, the button found), ms. */
  clickAtMs: number;
  /** Click → the worker's backend choice known (training waits for it), ms; null if never seen. */
  backendReadyMs: number | null;
  /** ms after the click at which each stage was first seen done. */
  stageDoneMs: Record<string, number>;
  error?: string;
}

/**
 * Open `url` (a link with settings no kept run has), press "Train these settings" (a link never trains by itself),
 * and poll the stages until done/error/timeout. Times count from the click, which is made as soon as it can be.
 */
export async function timeLiveRun(page: Page, url: string, timeoutMs: number): Promise<LiveRunTiming> {
  await page.goto(url);
  const button = page.getByTestId('train-these');
  await button.waitFor({ timeout: timeoutMs });
  const clickAtMs = await page.evaluate(() => performance.now());
  await button.click({ timeout: timeoutMs });
  const stageDoneMs: Record<string, number> = {};
  let backendReadyMs: number | null = null;
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await page.evaluate(() => {
      const panel = document.querySelector('[data-testid="live-training"]');
      const stages = [...document.querySelectorAll('[data-testid="live-stage"]')].map((el) => ({
        stage: el.getAttribute('data-stage') ?? '?',
        status: el.getAttribute('data-status') ?? '?',
      }));
      const error = panel?.querySelector('.error')?.textContent ?? undefined;
      return {
        status: panel?.getAttribute('data-status') ?? 'missing',
        stages,
        now: performance.now(),
        backend: document.querySelector('[data-testid="backend-rl"]') !== null,
        error,
      };
    });
    const since = s.now - clickAtMs;
    if (backendReadyMs === null && s.backend) backendReadyMs = since;
    for (const st of s.stages)
      if (st.status === 'done' && !(st.stage in stageDoneMs)) stageDoneMs[st.stage] = since;
    const base = { totalMs: since, clickAtMs, backendReadyMs, stageDoneMs };
    if (s.status === 'done' || s.status === 'error' || s.status === 'cancelled')
      return { status: s.status, ...base, error: s.error };
    if (Date.now() > until) return { status: `timeout (${s.status})`, ...base };
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Scripted drags while a live run trains in the background: open `url`, press "Train these settings", wait until
 * the base policy trains (both compute workers busy), then drag round the family. Returns the drag-update
 * durations and the stage that was running when the drags ended.
 */
export async function dragsDuringTraining(
  page: Page,
  url: string,
  drags: number,
): Promise<{ durations: number[]; computeDurations: number[]; runningAtEnd: string }> {
  await page.goto(url);
  await page.getByTestId('app-ready').waitFor({ timeout: 120_000 });
  await page.getByTestId('train-these').click({ timeout: 120_000 });
  await page
    .locator('[data-testid=live-stage][data-stage=train-base][data-status=running]')
    .waitFor({ timeout: 120_000 });
  await page.waitForTimeout(500);
  const before = (await measureDurations(page, 'drag-update')).length;
  const beforeCompute = (await measureDurations(page, 'drag-update-compute')).length;
  for (let d = 0; d < drags; d++) {
    const a = (2 * Math.PI * (d + 0.25)) / drags;
    await dragGoal(page, 0.5 + 0.42 * Math.cos(a), 0.5 - 0.42 * Math.sin(a));
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(500);
  const runningAtEnd = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="live-stage"][data-status="running"]')]
      .map((el) => el.getAttribute('data-stage'))
      .join(', '),
  );
  return {
    durations: (await measureDurations(page, 'drag-update')).slice(before),
    computeDurations: (await measureDurations(page, 'drag-update-compute')).slice(beforeCompute),
    runningAtEnd: runningAtEnd || 'none (the run had ended)',
  };
}
