// `tsx scripts/bench-browser.ts [--out f.json]`: tfjs backends in a Chromium worker, drag p95, first screen, live pipeline.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import {
  buildApp,
  dragGoal,
  dragsDuringTraining,
  firstScreenMs,
  launchChromium,
  log,
  measureDurations,
  milestoneMs,
  newBenchPage,
  quantiles,
  startPreview,
  timeLiveRun,
} from '../src/cli/benchBrowserHarness';
import { type BenchRow, formatBenchTable } from '../src/cli/benchTable';
import {
  FLOOR_NAMES,
  FLOOR_PAGES,
  type FloorName,
  floorQuantiles,
  loadFloors,
} from '../src/cli/firstScreenFloors';
import type { BenchReply, BenchRequest } from './bench-browser/protocol';

const USAGE =
  'usage: tsx scripts/bench-browser.ts [--out file.json] [--backends webgpu,webgl,wasm,cpu] [--skip-build]\n' +
  '       [--loads N] [--drags N] [--quick-timeout s] [--no-pipeline] [--no-quick] [--dist dir]\n' +
  '       [--cpu-slowdown N]   (first screen and drags with the page CPU throttled N× by CDP: a slower machine)';
const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];
const BENCH_DIST = 'node_modules/.cache/bench-browser-dist';
/** Updates timed per backend: software GPUs take ~0.1–0.5 s per update, so they get fewer. */
const SAC_UPDATES: Record<string, { updates: number; warmup: number }> = {
  webgpu: { updates: 8, warmup: 3 },
  webgl: { updates: 15, warmup: 5 },
  wasm: { updates: 100, warmup: 20 },
  cpu: { updates: 20, warmup: 5 },
};
/** Issue 20's targets on a 2-core machine; the first screen's is 1 s on a machine 2× slower (`--cpu-slowdown 2`). */
const GOALS = {
  firstScreenMs: 500,
  firstScreenSlowMs: 1000,
  dragP95Ms: 16,
  pipelineMs: 30_000,
  frames50kMs: 500,
};

interface Options {
  out: string | null;
  backends: string[];
  skipBuild: boolean;
  loads: number;
  drags: number;
  quickTimeoutS: number;
  pipeline: boolean;
  quick: boolean;
  /** Where the app is built (a private folder keeps other builds of dist/ out of the way). */
  dist: string;
  /** The page's CPU throttled this many times by CDP for the first screen and the drags (1: not throttled). */
  cpuSlowdown: number;
}

/** Start-up steps of one load, ms after navigation (null: not seen). */
interface FirstScreenSteps {
  scriptLoaded: number | null;
  resultsLoaded: number | null;
  bundleStart: number | null;
  scriptStart: number | null;
  resultsParsed: number | null;
}
const STEP_NAMES = ['scriptLoaded', 'resultsLoaded', 'bundleStart', 'scriptStart', 'resultsParsed'] as const;
const STEP_LABEL: Record<keyof FirstScreenSteps, string> = {
  scriptLoaded: 'main script downloaded',
  resultsLoaded: 'first-screen.json downloaded (the run less what only the stories read)',
  bundleStart: 'script compiled (its first module runs)',
  scriptStart: 'modules run (main.tsx starts)',
  resultsParsed: 'results parsed and stored',
};

/** The page's resource timings and start-up marks (usePretrained.ts START_MARKS) of the load just made. */
async function firstScreenSteps(page: Page): Promise<FirstScreenSteps> {
  // No helper functions inside evaluate: tsx names them with a helper the page does not have.
  const { resources, marks } = await page.evaluate(() => ({
    resources: performance
      .getEntriesByType('resource')
      .map((r) => [r.name, (r as PerformanceResourceTiming).responseEnd] as const),
    marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
  }));
  const res = (re: RegExp) => resources.find(([name]) => re.test(name))?.[1] ?? null;
  const mark = (name: string) => marks.find(([n]) => n === name)?.[1] ?? null;
  return {
    scriptLoaded: res(/\/assets\/index-[^/]*\.js$/),
    resultsLoaded: res(/\/pretrained\/first-screen\.json$/),
    bundleStart: mark('hereditary:bundle-start'),
    scriptStart: mark('hereditary:script-start'),
    resultsParsed: mark('hereditary:pretrained-loaded'),
  };
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    out: null,
    backends: BACKENDS,
    skipBuild: false,
    loads: 3,
    drags: 12,
    quickTimeoutS: 300,
    pipeline: true,
    quick: true,
    dist: 'dist',
    cpuSlowdown: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const count = (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a positive whole number, got ${v}`);
      return n;
    };
    if (a === '--out') o.out = next();
    else if (a === '--backends') {
      o.backends = next().split(',');
      const bad = o.backends.find((b) => !BACKENDS.includes(b));
      if (bad) throw new Error(`unknown backend ${bad}`);
    } else if (a === '--skip-build') o.skipBuild = true;
    else if (a === '--loads') o.loads = count(next());
    else if (a === '--drags') o.drags = count(next());
    else if (a === '--quick-timeout') o.quickTimeoutS = count(next());
    else if (a === '--no-pipeline') o.pipeline = false;
    else if (a === '--no-quick') o.quick = false;
    else if (a === '--dist') o.dist = next();
    else if (a === '--cpu-slowdown') o.cpuSlowdown = count(next());
    else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  return o;
}

async function buildBenchPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: resolve('scripts/bench-browser'),
    base: './',
    worker: { format: 'es' },
    build: {
      outDir: resolve(outDir),
      emptyOutDir: true,
      chunkSizeWarningLimit: 8000,
      target: 'es2022',
      // The first screen's floors (a static page, a bare React root) are pages of their own.
      rollupOptions: {
        input: Object.fromEntries(
          ['index', 'floor-static', 'floor-react'].map((n) => [
            n,
            resolve(`scripts/bench-browser/${n}.html`),
          ]),
        ),
      },
    },
  });
}

type Figures = Record<string, Record<string, number | string | null>>;

/** Per backend: setup, SAC update, frames 10k/50k (batched tfjs), one discovery step; plain-JS frames once. */
async function benchBackends(
  page: Page,
  backends: string[],
  rows: BenchRow[],
  figures: Figures,
): Promise<void> {
  const run = (backend: string, reqs: BenchRequest[], timeoutMs: number) =>
    page.evaluate(([b, r, t]) => window.benchRun(b, r, t), [backend, reqs, timeoutMs] as const) as Promise<
      BenchReply[]
    >;
  const val = (r: BenchReply, key: string): number | null => (r.ok ? (r.ms[key] ?? null) : null);
  const why = (r: BenchReply): string => (r.ok ? '' : r.error);

  log('bench-browser: kernel frames, plain JS in a worker…');
  const plain = await run(
    'cpu',
    [
      { kind: 'frames-plain', n: 10_000 },
      { kind: 'frames-plain', n: 50_000 },
    ],
    120_000,
  );
  figures.framesPlain = { '10k': val(plain[0], 'total'), '50k': val(plain[1], 'total') };

  // The fused SAC step is what training runs (tfjs only initialises its weights): time it in a worker too.
  log('bench-browser: fused SAC update (wasm-simd, js fallback), race steps, encoder step in a worker…');
  const fused = await run(
    'wasm',
    [
      { kind: 'sac-fused', updates: 300, warmup: 50, kernels: 'wasm-simd' },
      { kind: 'sac-fused', updates: 60, warmup: 10, kernels: 'js' },
      { kind: 'race-js' },
      { kind: 'encoder', impl: 'fused', steps: 300 },
      { kind: 'encoder', impl: 'tfjs', steps: 40 },
    ],
    120_000,
  );
  figures.sacFused = {
    wasmSimdMsPerUpdate: val(fused[0], 'perUpdate'),
    jsMsPerUpdate: val(fused[1], 'perUpdate'),
    wasmSimdLabel: fused[0].ok ? fused[0].backend : why(fused[0]),
    jsLabel: fused[1].ok ? fused[1].backend : why(fused[1]),
    raceDifferentialJsMs: val(fused[2], 'differential'),
    raceFunctionalJsMs: val(fused[2], 'functional'),
    encoderFusedMs: val(fused[3], 'perStep'),
    encoderTfjsWasmMs: val(fused[4], 'perStep'),
  };

  const per: Record<string, BenchReply[]> = {};
  for (const b of backends) {
    log(`bench-browser: ${b} in a worker…`);
    per[b] = await run(
      b,
      [
        { kind: 'sac', ...SAC_UPDATES[b] },
        { kind: 'frames-tf', n: 10_000 },
        { kind: 'frames-tf', n: 50_000 },
        { kind: 'discovery' },
      ],
      90_000,
    );
    const [sac, f10, f50, disc] = per[b];
    figures[`backend:${b}`] = {
      active: sac.ok ? sac.backend : null,
      sacMsPerUpdate: val(sac, 'perUpdate'),
      frames10kMs: val(f10, 'total'),
      frames50kMs: val(f50, 'total'),
      discoveryDifferentialMs: val(disc, 'differential'),
      discoveryFunctionalMs: val(disc, 'functional'),
      errors: [sac, f10, f50, disc].map(why).filter(Boolean).join('; ') || null,
    };
  }
  const ref = (key: string) => figures['backend:cpu']?.[key] as number | null | undefined;
  const add = (what: string, key: string, unit: string, goal?: (v: number) => string) => {
    for (const b of backends) {
      const f = figures[`backend:${b}`];
      const v = f[key] as number | null;
      const r = ref(key);
      rows.push({
        what,
        backend: b + (f.active && f.active !== b ? ` (got ${f.active})` : ''),
        value: v ?? Number.NaN,
        unit,
        ratio: v != null && r ? v / r : null,
        note: v == null ? `failed: ${String(f.errors ?? '').slice(0, 60)}` : goal?.(v),
      });
    }
  };
  add('SAC update (batch 256, 2×64)', 'sacMsPerUpdate', 'ms');
  // The fused rows' ratio is to tfjs on cpu too; the note gives it against tfjs-wasm, the best tfjs CPU path.
  const tfWasm = figures['backend:wasm']?.sacMsPerUpdate as number | null | undefined;
  for (const [kernels, key, label] of [
    ['wasm-simd', 'wasmSimdMsPerUpdate', 'wasmSimdLabel'],
    ['js', 'jsMsPerUpdate', 'jsLabel'],
  ] as const) {
    const v = figures.sacFused[key] as number | null;
    const r = ref('sacMsPerUpdate');
    rows.push({
      what: `SAC update, fused step (what training runs)`,
      backend: `fused ${kernels}`,
      value: v ?? Number.NaN,
      unit: 'ms',
      ratio: v != null && r ? v / r : null,
      note:
        v == null
          ? `failed: ${String(figures.sacFused[label]).slice(0, 60)}`
          : tfWasm
            ? `${(tfWasm / v).toFixed(1)}× faster than tfjs wasm in this run`
            : undefined,
    });
  }
  add('kernel frames 10k (batched tfjs)', 'frames10kMs', 'ms');
  add('kernel frames 50k (batched tfjs)', 'frames50kMs', 'ms', (v) =>
    met(v <= GOALS.frames50kMs, '≤ 500 ms'),
  );
  add('discovery step, differential (b 128)', 'discoveryDifferentialMs', 'ms');
  add('discovery step, functional (b 128)', 'discoveryFunctionalMs', 'ms');
  // The race and the encoder: what the live pipeline runs (plain JS, fused) beside tfjs in the same run.
  const sf = figures.sacFused;
  for (const side of ['differential', 'functional'] as const) {
    const v = sf[side === 'differential' ? 'raceDifferentialJsMs' : 'raceFunctionalJsMs'] as number | null;
    const t = figures['backend:wasm']?.[
      side === 'differential' ? 'discoveryDifferentialMs' : 'discoveryFunctionalMs'
    ] as number | null | undefined;
    rows.push({
      what: `discovery step, ${side} (b 128), what the race runs`,
      backend: 'plain JS',
      value: v ?? Number.NaN,
      unit: 'ms',
      note: v != null && t ? `${(t / v).toFixed(0)}× faster than tfjs wasm in this run` : undefined,
    });
  }
  const [ef, et] = [sf.encoderFusedMs as number | null, sf.encoderTfjsWasmMs as number | null];
  rows.push({
    what: 'encoder step (deep set + reconstruction, 256 rows)',
    backend: 'tfjs wasm',
    value: et ?? Number.NaN,
    unit: 'ms',
  });
  rows.push({
    what: 'encoder step (deep set + reconstruction, 256 rows)',
    backend: 'fused',
    value: ef ?? Number.NaN,
    unit: 'ms',
    note: ef != null && et != null ? `${(et / ef).toFixed(1)}× faster than tfjs wasm in this run` : undefined,
  });
  const fp = figures.framesPlain;
  rows.push({
    what: 'kernel frames 10k (plain JS, grid)',
    backend: 'plain JS',
    value: (fp['10k'] as number) ?? Number.NaN,
    unit: 'ms',
  });
  rows.push({
    what: 'kernel frames 50k (plain JS, grid)',
    backend: 'plain JS',
    value: (fp['50k'] as number) ?? Number.NaN,
    unit: 'ms',
    note: fp['50k'] == null ? 'failed' : met((fp['50k'] as number) <= GOALS.frames50kMs, '≤ 500 ms'),
  });
}

const met = (ok: boolean, goal: string): string => `goal ${goal}: ${ok ? 'met' : 'NOT met'}`;

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.skipBuild) {
    log('bench-browser: vite build (app)…');
    buildApp(opts.dist);
  }
  const benchDist = opts.dist === 'dist' ? BENCH_DIST : `${opts.dist}-bench-page`;
  log('bench-browser: vite build (bench page)…');
  await buildBenchPage(benchDist);
  const app = await startPreview(opts.dist);
  const benchSrv = await startPreview(benchDist);
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  const figures: Figures = {};
  try {
    const benchPage = await browser.newPage();
    await benchPage.goto(`${benchSrv.origin}/`);
    await benchPage.locator('#status[data-ready="1"]').waitFor({ state: 'attached' });
    await benchBackends(benchPage, opts.backends, rows, figures);
    await benchPage.close();

    log('bench-browser: first screen…');
    const loads: number[] = [];
    const pollLoads: number[] = [];
    const backendKnown: number[] = [];
    const wholeParsed: number[] = [];
    const steps: FirstScreenSteps[] = [];
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // The same loads in a Chromium that starts its omnibox popup renderer beside each page (a comparison row).
    const noisyBrowser = await launchChromium([], { quiet: false });
    const noisyCtx = await noisyBrowser.newContext({ viewport: { width: 1280, height: 800 } });
    const noisyLoads: number[] = [];
    const floors: Record<FloorName, number>[] = [];
    for (let i = 0; i < opts.loads; i++) {
      const noisy = await newBenchPage(noisyCtx, opts.cpuSlowdown);
      noisyLoads.push(await firstScreenMs(noisy, `${app.origin}/`));
      await milestoneMs(noisy, 'hereditary:backend-known');
      await noisy.close();
      // The floors load in the same rounds as the app, so that both see the machine in the same state.
      floors.push(await loadFloors(ctx, benchSrv.origin, opts.cpuSlowdown));
      const polled = await newBenchPage(ctx, opts.cpuSlowdown);
      pollLoads.push(await firstScreenMs(polled, `${app.origin}/`, 'poll'));
      await polled.close();
      const page = await newBenchPage(ctx, opts.cpuSlowdown);
      loads.push(await firstScreenMs(page, `${app.origin}/`));
      steps.push(await firstScreenSteps(page));
      backendKnown.push(await milestoneMs(page, 'hereditary:backend-known'));
      wholeParsed.push(await milestoneMs(page, 'hereditary:pretrained-whole'));
      if (i < opts.loads - 1) await page.close();
      else {
        log('bench-browser: scripted drags (after calibration, which takes both cores for seconds)…');
        await page.getByTestId('backend-rl').waitFor({ timeout: 120_000 });
        await page.waitForTimeout(500);
        for (let d = 0; d < opts.drags; d++) {
          const a = (2 * Math.PI * (d + 0.5)) / opts.drags;
          await dragGoal(page, 0.5 + 0.42 * Math.cos(a), 0.5 - 0.42 * Math.sin(a));
          await page.waitForTimeout(150);
        }
        await page.waitForTimeout(1000);
        const drag = quantiles(await measureDurations(page, 'drag-update'));
        const compute = quantiles(await measureDurations(page, 'drag-update-compute'));
        const apply = quantiles(await measureDurations(page, 'drag-update-apply'));
        const settle = quantiles(await measureDurations(page, 'drag-settle'));
        figures.drag = {
          ...drag,
          computeP50: compute.p50,
          computeP95: compute.p95,
          applyP50: apply.p50,
          applyP95: apply.p95,
          settleP50: settle.p50,
          settleP95: settle.p95,
        };
        rows.push({
          what: `drag update p95: input → paths redrawn (${drag.count} updates, ${opts.drags} drags)`,
          backend: 'page + agents worker',
          value: drag.p95,
          unit: 'ms',
          note: `p50 ${drag.p50.toFixed(1)}, max ${drag.max.toFixed(1)}; ${met(drag.p95 <= GOALS.dragP95Ms, '≤ 16 ms')}`,
        });
        if (compute.count > 0)
          rows.push({
            what: 'drag update, preview compute part p95 (one episode per policy, θ*)',
            backend: 'page main thread',
            value: compute.p95,
            unit: 'ms',
            note: `p50 ${compute.p50.toFixed(1)}; a drag's preview is computed on the page, the full episodes in the agents worker`,
          });
        if (apply.count > 0)
          rows.push({
            what: 'drag update, page apply part p95 (preview in hand → React + d3 redrawn)',
            backend: 'page main thread',
            value: apply.p95,
            unit: 'ms',
            note: `p50 ${apply.p50.toFixed(1)}; the rest of input → redrawn is the browser's own work and queueing`,
          });
        if (settle.count > 0)
          rows.push({
            what: 'drag settle p95: input → every episode scored',
            backend: 'page + agents worker',
            value: settle.p95,
            unit: 'ms',
            note: `p50 ${settle.p50.toFixed(1)} (${settle.count} of ${drag.count} goals settled; the rest were passed over)`,
          });
        await page.close();
      }
    }
    await ctx.close();
    await noisyBrowser.close();
    const fs = quantiles(loads);
    const firstScreenGoal = opts.cpuSlowdown >= 2 ? GOALS.firstScreenSlowMs : GOALS.firstScreenMs;
    figures.firstScreen = { coldMs: loads[0], medianMs: fs.p50, maxMs: fs.max, loads: loads.length };
    rows.push({
      what: `first screen (nav → app-ready), median of ${loads.length}`,
      backend: 'auto',
      value: fs.p50,
      unit: 'ms',
      note: `cold ${loads[0].toFixed(0)} ms; ${met(fs.p50 <= firstScreenGoal, `≤ ${firstScreenGoal} ms${opts.cpuSlowdown >= 2 ? ' on a machine 2× slower' : ''}`)}`,
    });
    const polledQ = quantiles(pollLoads);
    figures.firstScreen.pollMedianMs = polledQ.p50;
    rows.push({
      what: `first screen timed by Playwright's per-frame poll (earlier runs' method), median of ${pollLoads.length}`,
      backend: 'auto',
      value: polledQ.p50,
      unit: 'ms',
      note: `same rounds; the poll's injected script runs on the page's main thread during the load (+${(polledQ.p50 - fs.p50).toFixed(0)} ms here)`,
    });
    const noisyQ = quantiles(noisyLoads);
    figures.firstScreen.omniboxRendererMedianMs = noisyQ.p50;
    rows.push({
      what: `first screen with Chromium's omnibox popup renderer starting beside each page (runs before session 20), median of ${noisyLoads.length}`,
      backend: 'auto',
      value: noisyQ.p50,
      unit: 'ms',
      note: `same rounds, a second Chromium without QUIET_BROWSER_FLAGS: that renderer takes a core during every load (+${(noisyQ.p50 - fs.p50).toFixed(0)} ms here)`,
    });
    const fq = floorQuantiles(floors);
    for (const name of FLOOR_NAMES) {
      figures.firstScreen[`floor_${name}MedianMs`] = fq[name].p50;
      rows.push({
        what: `first screen floor: ${FLOOR_PAGES[name].label}, median of ${floors.length}`,
        backend: 'page main thread',
        value: fq[name].p50,
        unit: 'ms',
        note: `the app's first screen is ${(fs.p50 / fq[name].p50).toFixed(2)}× this (+${(fs.p50 - fq[name].p50).toFixed(0)} ms)`,
      });
    }
    // Where the time goes: each step's median over the loads (ms after navigation).
    const stepMedians = Object.fromEntries(
      STEP_NAMES.map((k) => [k, quantiles(steps.map((st) => st[k]).filter((v) => v !== null)).p50]),
    ) as Record<keyof FirstScreenSteps, number>;
    Object.assign(figures.firstScreen, stepMedians);
    rows.push({
      what: 'first screen, where the time goes (medians, ms after navigation)',
      backend: 'page main thread',
      value: fs.p50,
      unit: 'ms',
      note: STEP_NAMES.map((k) => `${STEP_LABEL[k]} ${stepMedians[k].toFixed(0)}`).join(' → '),
    });
    const whole = quantiles(wholeParsed);
    figures.firstScreen.wholeParsedMedianMs = whole.p50;
    rows.push({
      what: `whole pretrained file parsed (nav → stored), median of ${wholeParsed.length}`,
      backend: 'page main thread',
      value: whole.p50,
      unit: 'ms',
      note: 'after the first screen: only the stories below it read the parts first-screen.json leaves out',
    });
    const bk = quantiles(backendKnown);
    figures.firstScreen.backendKnownMedianMs = bk.p50;
    rows.push({
      what: `backend probed (nav → best backend named), median of ${backendKnown.length}`,
      backend: 'auto',
      value: bk.p50,
      unit: 'ms',
      note: 'not on the first screen’s path: only training needs it',
    });

    if (opts.pipeline) {
      log('bench-browser: scripted drags while a quick run trains in the background…');
      const ctxD = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const busy = await dragsDuringTraining(
        await newBenchPage(ctxD, opts.cpuSlowdown),
        `${app.origin}/#budget=quick&seed=13`,
        opts.drags,
      );
      await ctxD.close();
      const q = quantiles(busy.durations);
      const qc = quantiles(busy.computeDurations);
      figures.dragWhileTraining = {
        ...q,
        computeP50: qc.p50,
        computeP95: qc.p95,
        runningAtEnd: busy.runningAtEnd,
      };
      rows.push({
        what: `drag update p95 while training (${q.count} updates, ${opts.drags} drags)`,
        backend: 'page + agents worker',
        value: q.p95,
        unit: 'ms',
        note: `p50 ${q.p50.toFixed(1)}, max ${q.max.toFixed(1)}, preview compute p95 ${qc.p95.toFixed(1)}; still training at the end: ${busy.runningAtEnd}; ${met(q.p95 <= GOALS.dragP95Ms, '≤ 16 ms')}`,
      });

      const budgets: { name: string; hash: string; timeoutS: number }[] = [
        { name: 'smoke', hash: '#budget=smoke&seed=11', timeoutS: 180 },
      ];
      // The default budget is quick; another seed than the shipped run makes the page train from scratch.
      if (opts.quick)
        budgets.push({ name: 'quick', hash: '#budget=quick&seed=11', timeoutS: opts.quickTimeoutS });
      for (const b of budgets) {
        log(`bench-browser: live pipeline, budget ${b.name} (limit ${b.timeoutS} s)…`);
        const ctxP = await browser.newContext();
        const page = await ctxP.newPage();
        const t = await timeLiveRun(page, `${app.origin}/${b.hash}`, b.timeoutS * 1000);
        await ctxP.close();
        figures[`pipeline:${b.name}`] = {
          status: t.status,
          totalMs: t.totalMs,
          clickAtMs: t.clickAtMs,
          backendReadyMs: t.backendReadyMs,
          error: t.error ?? null,
          ...t.stageDoneMs,
        };
        const done = t.status === 'done';
        rows.push({
          what: `live pipeline from scratch, budget ${b.name} (click → done)`,
          backend: 'auto',
          value: t.totalMs / 1000,
          unit: 's',
          note: done
            ? `${met(t.totalMs <= GOALS.pipelineMs, `≤ ${GOALS.pipelineMs / 1000} s`)}; clicked ${(t.clickAtMs / 1000).toFixed(1)} s after navigation, backend known +${((t.backendReadyMs ?? Number.NaN) / 1000).toFixed(1)} s; stages done at +${Object.entries(
                t.stageDoneMs,
              )
                .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
                .join(', ')} s`
            : `${t.status}${t.error ? `: ${t.error}` : ''}; NOT met`,
        });
      }
    }
  } finally {
    await browser.close();
    await app.stop();
    await benchSrv.stop();
  }
  if (opts.cpuSlowdown > 1)
    for (const row of rows)
      if (/^(first screen|drag)/.test(row.what)) row.what += ` [page CPU ${opts.cpuSlowdown}× slower]`;
  const table = formatBenchTable(rows);
  const slowed =
    opts.cpuSlowdown > 1
      ? `\nFirst screen and drags ran with the page's renderer throttled ${opts.cpuSlowdown}× by CDP (a slower machine).`
      : '';
  process.stdout.write(
    `\n${table}\n\nvs ref = ratio to the cpu backend in the same run (lower is faster).${slowed}\n`,
  );
  if (opts.out) {
    writeFileSync(
      opts.out,
      `${JSON.stringify({ when: new Date().toISOString(), goals: GOALS, cpuSlowdown: opts.cpuSlowdown, figures, rows }, null, 2)}\n`,
    );
    log(`bench-browser: figures written to ${opts.out}`);
  }
}

main().catch((e) => {
  process.stderr.write(`bench-browser failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
