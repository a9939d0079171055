// Issue 19 polish: calibrated budget durations and ETA, named export/cancel buttons, labels inside the task
// space, the JSON export's backends, animated rollouts, and the phone's essentials bar.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { estimateLiveDuration } from '../src/core/pipeline/durationEstimate';
import { formatDuration } from '../src/core/pipeline/liveSchedule';
import { experimentConfigFromSettings } from '../src/state/derived';
import { defaultUrlState } from '../src/state/urlSchema';
import { measuredCosts, waitReady } from './helpers';

test('budget labels give durations estimated from this browser’s measured speed', async ({ page }) => {
  await page.goto('/');
  await waitReady(page);
  const costs = await measuredCosts(page);
  // A fused SAC action can be under the timer's resolution (0 ms); the update, race and env step never are.
  for (const v of Object.values(costs)) expect(v).toBeGreaterThanOrEqual(0);
  for (const v of [costs.sacUpdateMs, costs.raceStepMs, costs.envStepMs]) expect(v).toBeGreaterThan(0);
  const config = experimentConfigFromSettings(defaultUrlState());
  const select = page.getByTestId('live-training').getByTestId('budget-select');
  for (const budget of ['quick', 'full'] as const) {
    const option = select.locator(`option[value=${budget}]`);
    await expect(option).toHaveAttribute('data-seconds', /^\d/);
    const expected = estimateLiveDuration({ ...config, budget }, costs).totalSeconds;
    expect(Number(await option.getAttribute('data-seconds'))).toBeCloseTo(expected, 2);
    await expect(option).toHaveText(`${budget} · ≈ ${formatDuration(expected)}`);
  }
  // The tiny test budget is offered only to a link that asks for it.
  await expect(select.locator('option[value=smoke]')).toHaveCount(0);
});

test('export buttons are named after their figure', async ({ page }) => {
  await page.goto('/');
  await waitReady(page);
  await expect(page.getByRole('button', { name: 'Export score-vs-distance figure as SVG' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export task-space data as JSON' })).toBeVisible();
  const names = await page
    .locator('.export-bar button')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''));
  expect(names.length).toBeGreaterThan(8);
  for (const name of names) expect(name).toMatch(/^Export [\w-]+ (figure|data) as (SVG|PNG|JSON|CSV)$/);
});

test('the goal and base-task labels stay inside the task space at 0° and 180°', async ({ page }) => {
  for (const goal of [0, 180]) {
    await page.goto(`/#goal=${goal}`);
    await waitReady(page);
    await expect(page.getByTestId('goal-handle')).toHaveAttribute('data-angle', String(goal));
    const svg = await page.getByTestId('task-space').boundingBox();
    for (const id of ['goal-label', 'base-label']) {
      const label = await page.getByTestId('task-space').getByTestId(id).boundingBox();
      if (!svg || !label) throw new Error(`no bounding box for ${id}`);
      expect(label.x).toBeGreaterThanOrEqual(svg.x);
      expect(label.x + label.width).toBeLessThanOrEqual(svg.x + svg.width);
      expect(label.y).toBeGreaterThanOrEqual(svg.y);
    }
    await expect(page.getByTestId('goal-label')).toHaveText(`test goal ${goal}°`);
  }
});

test('the task-space JSON export names the backends that were used', async ({ page }) => {
  await page.goto('/');
  await waitReady(page);
  await expect(page.getByTestId('live-training').getByTestId('budget-note')).toHaveAttribute(
    'data-costs',
    /./,
    {
      timeout: 90_000,
    },
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export task-space data as JSON' }).click(),
  ]);
  const path = await download.path();
  const json = JSON.parse(readFileSync(path, 'utf8'));
  expect(json.settings.backend.length).toBeGreaterThan(0);
  for (const b of json.settings.backend) expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(b);
  expect(json.backends.byWorkload.rl).toBeTruthy();
  expect(json.backends.rollouts).toBe('plain JS');
});

test.describe('animated rollouts', () => {
  test.use({ reducedMotion: 'no-preference' });
  test('"animate paths" replays the rollouts: the drawn length grows over time', async ({ page }) => {
    await page.goto('/');
    await waitReady(page);
    await expect(page.getByTestId('rollout-hereditary')).toHaveAttribute('data-status', 'ready');
    const toggle = page.getByLabel('animate paths');
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    const path = page.getByTestId('rollout-path-hereditary');
    await expect(path).not.toHaveAttribute('stroke-dashoffset', /./);
    // Record, in the page, every undrawn length and every position of the agent's dot while it replays.
    await page.evaluate(() => {
      const seen: { offsets: number[]; heads: string[] } = { offsets: [], heads: [] };
      (window as unknown as { __replay: typeof seen }).__replay = seen;
      const path = document.querySelector('[data-testid=rollout-path-hereditary]');
      const head = document.querySelector('[data-testid=rollout-head-hereditary]');
      if (!path || !head) throw new Error('no rollout path');
      new MutationObserver(() => {
        const o = path.getAttribute('stroke-dashoffset');
        if (o !== null) seen.offsets.push(Number(o));
      }).observe(path, { attributes: true, attributeFilter: ['stroke-dashoffset'] });
      new MutationObserver(() => seen.heads.push(head.getAttribute('cx') ?? '')).observe(head, {
        attributes: true,
        attributeFilter: ['cx'],
      });
    });
    const replay = () =>
      page.evaluate(
        () => (window as unknown as { __replay: { offsets: number[]; heads: string[] } }).__replay,
      );
    await toggle.check();
    await expect.poll(async () => (await replay()).offsets.length, { timeout: 10_000 }).toBeGreaterThan(5);
    // Then the whole path stands, without the dash trick.
    await expect(path).not.toHaveAttribute('stroke-dashoffset', /./, { timeout: 10_000 });
    const seen = await replay();
    // The drawn length grew frame by frame from nothing to the whole path (a path that arrives meanwhile
    // restarts the replay: look at the last one), and the dot moved along it.
    let restart = 0;
    for (let i = 1; i < seen.offsets.length; i++) if (seen.offsets[i] > seen.offsets[i - 1]) restart = i;
    const last = seen.offsets.slice(restart);
    expect(last.length).toBeGreaterThan(5);
    expect(last[last.length - 1]).toBeLessThan(last[0]);
    expect(new Set(seen.heads).size).toBeGreaterThan(3);
  });
});

test.describe('a live run', () => {
  test.beforeEach(async ({ page: _page }, testInfo) => {
    test.skip(testInfo.project.name !== 'webgpu', 'trains: one project runs it');
  });
  test.setTimeout(240_000);

  test('names its cancel buttons and shows the time left from measured progress', async ({ page }) => {
    // A link with the tiny budget gets it offered, and labelled for what it is.
    await page.goto('/#budget=smoke');
    await waitReady(page);
    await measuredCosts(page);
    const select = page.getByTestId('live-training').getByTestId('budget-select');
    await expect(select.locator('option[value=smoke]')).toHaveText(/^tiny plumbing test · ≈ \d/);
    await expect(page.getByTestId('live-training')).toContainText('scores are meaningless');
    // A quick run for another seed: long enough to watch, then cancelled.
    await page.goto('/#seed=3');
    await waitReady(page);
    await measuredCosts(page);
    await page.getByTestId('retrain-live').click();
    const base = page.locator('[data-testid=live-stage][data-stage=train-base]');
    await expect(base).toHaveAttribute('data-status', 'running', { timeout: 120_000 });
    const cancel = base.getByRole('button', { name: 'Cancel live training (running: base policy (SAC))' });
    await expect(cancel).toBeVisible();
    await expect(
      page
        .locator('[data-testid=job][data-stage=train-base]')
        .getByRole('button', { name: /^Cancel job train-base/ }),
    ).toBeVisible();
    const eta = page.getByTestId('training-eta');
    await expect(eta).toHaveAttribute('data-seconds', /^\d/);
    await expect(eta).toContainText(/About .+ left/);
    // The time left follows the run: it changes as the run goes.
    const first = Number(await eta.getAttribute('data-seconds'));
    await expect
      .poll(async () => Number(await eta.getAttribute('data-seconds')), { timeout: 30_000 })
      .not.toBe(first);
    await cancel.click();
    await expect(page.getByTestId('live-training')).toHaveAttribute('data-status', 'cancelled');
    await expect(eta).toHaveCount(0);
  });
});

test('on a phone the essentials come before the pictures', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await waitReady(page);
  const bar = page.getByTestId('quick-controls');
  await expect(bar).toBeVisible();
  const barBox = await bar.boundingBox();
  const svgBox = await page.getByTestId('task-space').boundingBox();
  const rollouts = await page.locator('.rollout-compare').boundingBox();
  if (!barBox || !svgBox || !rollouts) throw new Error('no bounding boxes');
  expect(barBox.y).toBeLessThan(svgBox.y);
  expect(barBox.y).toBeLessThan(rollouts.y);
  await bar.getByLabel('Goal (°)').fill('45');
  await expect(page.getByTestId('goal-handle')).toHaveAttribute('data-angle', '45');
  await expect(page).toHaveURL(/goal=45(&|$)/);
  await bar.getByRole('button', { name: /All settings/ }).click();
  await expect(page.locator('#settings')).toBeInViewport();
  // Wide again: the settings column is beside the picture, so the bar goes.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(bar).toHaveCount(0);
});
