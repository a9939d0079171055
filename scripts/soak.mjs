// `tsx scripts/soak.mjs [--minutes 5]`: bounded browser soak (drag the goal, retrain with the smoke budget), memory over time.
import { buildApp, dragGoal, launchChromium, log, startPreview } from '../src/cli/benchBrowserHarness.ts';

const USAGE = 'usage: tsx scripts/soak.mjs [--minutes M] [--sample-every s] [--skip-build]';

function parseArgs(argv) {
  const o = { minutes: 5, sampleEveryS: 20, skipBuild: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--minutes') o.minutes = Number(argv[++i]);
    else if (a === '--sample-every') o.sampleEveryS = Number(argv[++i]);
    else if (a === '--skip-build') o.skipBuild = true;
    else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  if (!(o.minutes > 0 && o.minutes <= 120)) throw new Error(`--minutes must be in (0, 120]\n${USAGE}`);
  if (!(o.sampleEveryS >= 2)) throw new Error(`--sample-every must be ≥ 2 s\n${USAGE}`);
  return o;
}

/** tfjs keeps its engine on the global object (_tfengine), so a worker's tensor count can be read from outside. */
async function workerTensors(page) {
  const out = [];
  for (const w of page.workers()) {
    try {
      // The engine's own counters: memory() would ask the backend, and starting one is the worker's business.
      const m = await w.evaluate(() => {
        const state = globalThis._tfengine?.state;
        return state ? { numTensors: state.numTensors, numBytes: state.numBytes } : null;
      });
      if (m) out.push(m);
    } catch {
      // a worker that is being restarted
    }
  }
  return out;
}

async function sample(page, cdp, t0, events) {
  // Count what is alive, not what waits for the collector: listeners of detached nodes and dead objects
  // otherwise swing the figures by hundreds between samples.
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  const page_ = await page.evaluate(() => ({
    heap: performance.memory?.usedJSHeapSize ?? null,
    domNodes: document.getElementsByTagName('*').length,
    measures: performance.getEntriesByType('measure').length,
    status: document.querySelector('[data-testid="live-training"]')?.getAttribute('data-status') ?? '?',
  }));
  const tensors = await workerTensors(page);
  const tfWorker = tensors.find((t) => t.numTensors > 0) ?? tensors[0] ?? null;
  return {
    t: (Date.now() - t0) / 1000,
    pageHeapMB: (page_.heap ?? metric('JSHeapUsedSize')) / 2 ** 20,
    domNodes: page_.domNodes,
    listeners: metric('JSEventListeners'),
    workers: page.workers().length,
    tensors: tfWorker?.numTensors ?? null,
    tensorMB: tfWorker ? tfWorker.numBytes / 2 ** 20 : null,
    drags: events.drags,
    retrains: events.retrains,
    status: page_.status,
  };
}

function printTable(rows) {
  const cols = [
    't',
    'pageHeapMB',
    'domNodes',
    'listeners',
    'workers',
    'tensors',
    'tensorMB',
    'drags',
    'retrains',
    'status',
  ];
  const fmt = (v) =>
    v === null || v === undefined
      ? '-'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? String(v)
          : v.toFixed(1)
        : String(v);
  const body = rows.map((r) => cols.map((c) => fmt(r[c])));
  const w = cols.map((c, i) => Math.max(c.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => c.padStart(w[i])).join('  ');
  process.stdout.write(`${[line(cols), line(w.map((n) => '-'.repeat(n))), ...body.map(line)].join('\n')}\n`);
}

/**
 * Growth after warm-up: the peak of the first half of the samples against the peak of the second half, flagged past
 * a tolerance. Peaks, not the first and last samples: the DOM's size swings by ≈ 140 nodes between a running view
 * and a finished one, so two single samples can differ by that much with nothing leaking, while a leak lifts the
 * peaks.
 */
function growthReport(rows) {
  const after = rows.slice(1);
  if (after.length < 2) return ['too few samples to judge growth'];
  const mid = Math.ceil(after.length / 2);
  const halves = [after.slice(0, mid), after.slice(mid)];
  const out = [];
  const check = (key, tolOf, unit) => {
    const peaks = halves.map((h) =>
      Math.max(...h.map((r) => r[key]).filter((v) => v != null && !Number.isNaN(v))),
    );
    if (!peaks.every(Number.isFinite)) return out.push(`${key}: not sampled`);
    const [a, b] = peaks;
    const d = b - a;
    const flag = d > tolOf(a) ? 'GROWTH' : 'flat';
    out.push(`${key}: peak ${fmtN(a)} → ${fmtN(b)} ${unit} (${d >= 0 ? '+' : ''}${fmtN(d)}) ${flag}`);
  };
  const fmtN = (x) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
  check('pageHeapMB', (a) => Math.max(10, a * 0.25), 'MB');
  check('domNodes', (a) => a * 0.1 + 20, 'nodes');
  check('listeners', (a) => a * 0.1 + 20, 'listeners');
  check('workers', () => 0, 'workers');
  out.unshift(
    `growth: the peak over the first ${halves[0].length} samples after warm-up → over the last ${halves[1].length}`,
  );
  return out;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.skipBuild) buildApp();
  const server = await startPreview('dist');
  const browser = await launchChromium();
  const rows = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${server.origin}/#budget=smoke&seed=21`);
    await page.getByTestId('app-ready').waitFor({ state: 'attached', timeout: 180_000 });
    const t0 = Date.now();
    const end = t0 + opts.minutes * 60_000;
    const events = { drags: 0, retrains: 0, done: 0, failed: 0 };
    let nextSample = t0;
    let k = 0;
    log(`soak: ${opts.minutes} min, a sample every ${opts.sampleEveryS} s`);
    while (Date.now() < end) {
      if (Date.now() >= nextSample) {
        rows.push(await sample(page, cdp, t0, events));
        nextSample += opts.sampleEveryS * 1000;
        log(`soak: t=${rows[rows.length - 1].t.toFixed(0)} s`);
      }
      const a = (k++ * 2.4) % (2 * Math.PI);
      await dragGoal(page, 0.5 + 0.4 * Math.cos(a), 0.5 - 0.4 * Math.sin(a), 8);
      events.drags++;
      // Retrain with the smoke budget whenever the previous live run has ended.
      const retrain = page.getByTestId('retrain-live');
      if (await retrain.isEnabled().catch(() => false)) {
        // The run that just ended (none before the first click): a soak that trains nothing proves nothing.
        if (events.retrains > 0) {
          const ended = await page.getByTestId('live-training').getAttribute('data-status');
          if (ended === 'error') events.failed++;
          else if (ended === 'done') events.done++;
        }
        await retrain.click();
        events.retrains++;
      }
      await page.waitForTimeout(400);
    }
    rows.push(await sample(page, cdp, t0, events));
    printTable(rows);
    const growth = growthReport(rows);
    process.stdout.write(`\n${growth.join('\n')}\n`);
    if (growth.some((l) => l.endsWith('GROWTH'))) process.exitCode = 1;
    process.stdout.write(
      'tensors = the tfjs worker’s engine count (its global _tfengine.state.numTensors); ' +
        'it rises and falls with the running stage, so it is listed, not judged.\n',
    );
    process.stdout.write(`page errors: ${errors.length ? errors.join(' | ') : 'none'}\n`);
    process.stdout.write(
      `live runs ended: ${events.done} done, ${events.failed} failed${events.failed ? ' (NOT ok)' : ''}\n`,
    );
    if (events.failed > 0 || errors.length > 0 || events.done === 0) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`soak failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
