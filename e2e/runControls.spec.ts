// Issue 19: training a visitor can steer — play, pause (every worker freezes), step one chunk, reset; a live preview.
import { expect, type Page, test } from '@playwright/test';
import { shownReturn, waitReady } from './helpers';

test.beforeEach(async ({ page: _page }, testInfo) => {
  test.skip(testInfo.project.name !== 'fallback', 'no GPU needed: one project runs it');
});
test.setTimeout(240_000);

const base = (page: Page) => page.locator('[data-testid=live-stage][data-stage=train-base]');
const baseStep = async (page: Page) => Number(await base(page).getAttribute('data-step'));

test('play trains, pause freezes every worker, step runs one chunk, and reset stops and forgets', async ({
  page,
}) => {
  // Another seed at the quick budget: a base stage long enough to pause in.
  await page.goto('/#seed=5');
  await waitReady(page);
  await expect(page.getByTestId('run-pause')).toBeDisabled();
  await page.getByTestId('run-play').click();
  // Discovery runs first, and its race streams in as it runs: both sides, point by point.
  await expect(page.getByTestId('live-race')).toHaveAttribute('data-points', /^[1-9]\d*$/, {
    timeout: 120_000,
  });
  await expect(page.locator('[data-testid=live-race] path[data-side=functional]')).toHaveAttribute(
    'data-points',
    /^[1-9]\d*$/,
    { timeout: 120_000 },
  );
  await expect(base(page)).toHaveAttribute('data-status', 'running', { timeout: 120_000 });
  // The base policy's path so far is drawn while it trains.
  await expect(page.getByTestId('learning-note')).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('[data-testid=path-learning]')).toHaveCount(1);

  await page.getByTestId('run-pause').click();
  await expect(page.getByTestId('run-paused-note')).toBeVisible();
  // Whatever was in flight lands (at most one chunk); then nothing moves.
  await page.waitForTimeout(500);
  const frozen = await baseStep(page);
  const preview = await page.getByTestId('learning-note').getAttribute('data-update');
  await page.waitForTimeout(2000);
  expect(await baseStep(page)).toBe(frozen);
  expect(await page.getByTestId('learning-note').getAttribute('data-update')).toBe(preview);

  // Paused training leaves the page free: the agents follow the goal.
  const before = await shownReturn(page, 'rollout-hereditary');
  await page.getByTestId('goal-handle').focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.getByTestId('rollout-hereditary')).not.toHaveAttribute('data-return', before ?? '');

  // One step: about a hundred more updates (progress is posted every 50), then frozen again.
  await page.getByTestId('run-step').click();
  await expect.poll(() => baseStep(page), { timeout: 30_000 }).toBeGreaterThan(frozen);
  await page.waitForTimeout(1000);
  const stepped = await baseStep(page);
  expect(stepped - frozen).toBeGreaterThanOrEqual(50);
  expect(stepped - frozen).toBeLessThanOrEqual(150);
  await page.waitForTimeout(1500);
  expect(await baseStep(page)).toBe(stepped);
  await expect(page.getByTestId('run-paused-note')).toContainText('1 step');

  // Play resumes; reset stops the run and forgets its checkpoints.
  await page.getByTestId('run-play').click();
  await expect.poll(() => baseStep(page), { timeout: 60_000 }).toBeGreaterThan(stepped);
  await page.getByTestId('run-reset').click();
  await expect(page.getByTestId('live-training')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('learning-note')).toHaveCount(0);
  await expect(page.getByTestId('run-pause')).toBeDisabled();
});

test('a pause during the hereditary fit holds it, and steps carry it through chunk by chunk', async ({
  page,
}) => {
  const stage = (name: string) => page.locator(`[data-testid=live-stage][data-stage=${name}]`);
  const status = (name: string) => stage(name).getAttribute('data-status');
  await page.goto('/#budget=smoke&seed=6');
  await waitReady(page);
  // Slow motion stretches the fit (under a second at full speed) so the pause lands inside it on any machine.
  await page.getByTestId('run-speed').selectOption('0.1');
  await page.getByTestId('run-play').click();
  await expect(stage('hereditary')).toHaveAttribute('data-status', 'running', { timeout: 180_000 });
  await page.getByTestId('run-pause').click();
  await expect(page.getByTestId('run-paused-note')).toBeVisible();
  // Whatever was in flight lands (one chunk at most); then the fit holds: no progress, and it never finishes.
  await page.waitForTimeout(500);
  const frozen = await stage('hereditary').getAttribute('data-step');
  await page.waitForTimeout(2000);
  expect(await stage('hereditary').getAttribute('data-step')).toBe(frozen);
  expect(await status('hereditary')).toBe('running');
  expect(await status('train-base')).toBe('pending');

  // Each step runs one chunk of the fit (10 of its few hundred yields) and pauses again: enough steps finish it.
  let steps = 0;
  for (; steps < 200 && (await status('hereditary')) !== 'done'; steps++) {
    await page.getByTestId('run-step').click();
    await page.waitForTimeout(100);
  }
  console.info(`[run controls] the paused hereditary fit finished after ${steps} steps`);
  expect(await status('hereditary')).toBe('done');
  // One step is one chunk, not the rest of the fit.
  expect(steps).toBeGreaterThan(1);
  await expect(page.getByTestId('run-paused-note')).toBeVisible();

  await page.getByTestId('run-speed').selectOption('1');
  await page.getByTestId('run-reset').click();
  await expect(page.getByTestId('live-training')).toHaveAttribute('data-status', 'cancelled');
});
