// Visual regression of the explainer: first screen, after a drag, the clustered preset (both browser projects).
import { readFileSync, statSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { measuredCosts } from './helpers';

// Paths are drawn without animation, so every screenshot is of a finished figure.
test.use({ reducedMotion: 'reduce' });

/** Sub-pixel layout shifts above a figure re-antialias its edges; real changes move far more pixels. */
const SHOT = { maxDiffPixelRatio: 0.01 };

/**
 * Screenshot of a copy of the figure, fixed at the viewport's top-left corner at the figure's whole-pixel width, on
 * the background the figure sits on. The image then does not depend on where sub-pixel layout above it (text whose
 * width depends on the measured speeds, a fractional height) put the figure. A copy on <body>, because a fixed element
 * inside a story section would be placed and clipped by the section's containment (content-visibility).
 */
async function expectShot(page: Page, target: Locator, name: string) {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`no bounding box for ${name}`);
  await target.evaluate((el: Element, width: number) => {
    // No focus ring in the picture (a dragged handle keeps the focus).
    (document.activeElement as HTMLElement | null)?.blur();
    let bg = 'rgb(255, 255, 255)';
    for (let p = el.parentElement; p; p = p.parentElement) {
      const c = getComputedStyle(p).backgroundColor;
      if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') {
        bg = c;
        break;
      }
    }
    const rect = el.getBoundingClientRect();
    // A frame of whole pixels, opaque, holding the copy at the figure's width: the picture is the frame.
    const frame = document.createElement('div');
    frame.setAttribute('data-shot', '');
    Object.assign(frame.style, {
      position: 'fixed',
      left: '0px',
      top: '0px',
      width: `${width}px`,
      height: `${Math.ceil((rect.height * width) / rect.width)}px`,
      overflow: 'hidden',
      zIndex: '10000',
      background: bg,
      color: getComputedStyle(el).color,
      fontSize: getComputedStyle(el).fontSize,
    });
    const copy = el.cloneNode(true) as HTMLElement;
    copy.removeAttribute('data-testid');
    Object.assign(copy.style, { width: `${width}px`, margin: '0', display: 'block' });
    frame.appendChild(copy);
    document.body.appendChild(frame);
  }, Math.round(box.width));
  const shot = page.locator('[data-shot]');
  await expect(shot).toHaveScreenshot(name, SHOT);
  await shot.evaluate((el) => el.remove());
}

async function openReady(page: Page, hash = '') {
  await page.goto(`/${hash}`);
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await expect(page.getByTestId('rollout-oracle')).toHaveAttribute('data-return', /^-\d/);
  await expect(page.getByTestId('rollout-random')).toHaveAttribute('data-return', /^-\d/);
  await expect(page.getByTestId('rollout-hereditary')).toHaveAttribute('data-status', 'ready');
  // Every episode scored, not the one-episode preview a goal change shows first.
  await expect(page.getByTestId('returns')).toHaveAttribute('data-phase', 'final');
}

test('first screen: task space, rollouts and the story figures', async ({ page }) => {
  await openReady(page);
  await expectShot(page, page.getByTestId('task-space'), 'first-task-space.png');
  await expectShot(page, page.locator('.rollout-compare .panel-canvas'), 'first-rollouts.png');
  const figures = page.locator('.story-figure .panel-canvas');
  await expect(figures).toHaveCount(6);
  const names = [
    'score',
    'reward-symmetry',
    'race-loss',
    'race-error',
    'hereditary-generator',
    'theta-search',
  ];
  for (let i = 0; i < names.length; i++) await expectShot(page, figures.nth(i), `first-${names[i]}.png`);
  await expect(page.getByTestId('race-setting')).toContainText('θ ~ U[');
});

test('after dragging the goal to 0°', async ({ page }) => {
  await openReady(page);
  // The measured speeds re-label the budgets above the panel, which can move it by a pixel: drag after that.
  await measuredCosts(page);
  const handle = page.getByTestId('goal-handle');
  const before = await page.getByTestId('rollout-hereditary').getAttribute('data-return');
  const svg = await page.getByTestId('task-space').boundingBox();
  const box = await handle.boundingBox();
  // The start marker sits at the origin, the centre of the default circle: drag level with it, far right.
  const start = await page.locator('[data-testid=task-space] .start circle').boundingBox();
  if (!svg || !box || !start) throw new Error('no bounding boxes');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // As far right as the window goes: mouse events land on whole pixels, and the farther out, the smaller the angle a
  // sub-pixel offset of the panel makes (0.4 px at the panel's edge was 0.1°; at the window's edge it rounds to 0°).
  const right = (page.viewportSize()?.width ?? svg.x + svg.width) - 2;
  await page.mouse.move(right, start.y + start.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(handle).toHaveAttribute('data-angle', '0');
  await expect(page.getByTestId('rollout-hereditary')).not.toHaveAttribute('data-return', before ?? '');
  // The final update (every episode), not the one-episode preview a drag shows first.
  await expect(page.getByTestId('returns')).toHaveAttribute('data-phase', 'final');
  await expect(page.getByTestId('rollout-hereditary')).toHaveAttribute('data-return', /^-\d/);
  await expect(page.getByTestId('rollout-hereditary')).toHaveAttribute('data-status', 'ready');
  await expectShot(page, page.getByTestId('task-space'), 'drag-task-space.png');
  await expectShot(page, page.locator('.rollout-compare .panel-canvas'), 'drag-rollouts.png');
});

test('the clustered preset moves the training goals and drops the stale scores', async ({ page }) => {
  await openReady(page);
  // Paths depend on live jobs the new training set may start; the figure under test is the coverage.
  await page.getByLabel('show rollout paths').uncheck();
  await page.getByTestId('preset-clustered').click();
  await expect(page.getByTestId('preset-clustered')).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/train=134\.83,159\.83,109\.83/);
  await expect(page.locator('.task-space figcaption')).toContainText('retrain live to score this one');
  await expectShot(page, page.getByTestId('task-space'), 'clustered-task-space.png');
});

test('each panel exports SVG, PNG, JSON and CSV files', async ({ page }) => {
  await openReady(page);
  const bar = page.getByRole('group', { name: 'Export score-vs-distance' });
  const sizes: Record<string, number> = {};
  for (const kind of ['SVG', 'PNG', 'JSON', 'CSV']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      bar.getByRole('button', { name: kind }).click(),
    ]);
    const path = await download.path();
    sizes[kind] = statSync(path).size;
    expect(download.suggestedFilename()).toBe(`score-vs-distance.${kind.toLowerCase()}`);
    if (kind === 'SVG') expect(readFileSync(path, 'utf8')).toContain('<svg');
    if (kind === 'CSV')
      expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(
        'angle_deg,distance_to_training_deg,score_hereditary,score_baseline,regret_hereditary,regret_baseline,ill_conditioned,theta_error_deg',
      );
    if (kind === 'PNG') expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
  }
  for (const kind of ['SVG', 'PNG', 'JSON', 'CSV']) expect(sizes[kind]).toBeGreaterThan(500);
});
