// Issue 18 on the page: the reader edits the training tasks (mouse and keyboard); a verdict follows every edit.
import { expect, type Page, test } from '@playwright/test';
import { waitReady } from './helpers';

// Tall enough that the whole task-space panel is on screen for the mouse.
test.use({ viewport: { width: 1280, height: 1200 } });

test.beforeEach(async ({ page: _page }, testInfo) => {
  test.skip(testInfo.project.name !== 'fallback', 'no GPU needed: one project runs it');
});

const tasks = (page: Page) => page.getByTestId('training-task');
const verdict = (page: Page) => page.getByTestId('verdict');
const trainInLink = (page: Page) => new URL(page.url()).hash.match(/train=([^&]*)/)?.[1] ?? '';

/** Open the page with background retraining off (the verdict alone is under test), in edit mode. */
async function openEditing(page: Page, hash = '') {
  await page.goto(`/#budget=smoke${hash}`);
  await waitReady(page);
  await page.getByTestId('edit-tasks').click();
  await expect(page.getByTestId('edit-tasks')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('edit-retrain').uncheck();
}

/** The page pixel of the default unit circle's goal at `deg`: the start marker is its centre, the base diamond on it. */
async function pointOnCircle(page: Page, deg: number): Promise<[number, number]> {
  const start = await page.locator('[data-testid=task-space] .start circle').boundingBox();
  // The diamond itself (the mark's box also holds its label).
  const base = await tasks(page).first().locator('rect').boundingBox();
  if (!start || !base) throw new Error('no boxes');
  const c: [number, number] = [start.x + start.width / 2, start.y + start.height / 2];
  const r = Math.hypot(base.x + base.width / 2 - c[0], base.y + base.height / 2 - c[1]);
  const rad = (deg * Math.PI) / 180;
  return [c[0] + r * Math.cos(rad), c[1] - r * Math.sin(rad)];
}

test('add, move and remove training tasks with the mouse; a verdict follows each edit and the link keeps the set', async ({
  page,
}) => {
  await openEditing(page);
  const before = await tasks(page).count();
  expect(before).toBeGreaterThanOrEqual(3);
  // The shipped run's own verdict first.
  await expect(verdict(page)).toHaveAttribute('data-hereditary', 'true');

  // Add: a click on the band at 300°.
  const [ax, ay] = await pointOnCircle(page, 300);
  await page.mouse.click(ax, ay);
  await expect(tasks(page)).toHaveCount(before + 1);
  await expect(tasks(page).last()).toHaveAttribute('data-angle', /^(29[89]|30[0-2])(\.\d+)?$/);
  await expect(verdict(page)).toHaveAttribute('data-source', 'fit');
  await expect(verdict(page)).toHaveAttribute('data-hereditary', 'true', { timeout: 30_000 });
  console.log(`verdict after an add: ${await verdict(page).getAttribute('data-ms')} ms`);
  await expect(verdict(page)).toContainText('rotation about (0.00, 0.00)');
  await expect.poll(() => trainInLink(page).split(',').length).toBe(before + 1);

  // Move: drag the new task to 240°.
  const added = tasks(page).last();
  const box = await added.boundingBox();
  if (!box) throw new Error('no box');
  const [mx, my] = await pointOnCircle(page, 240);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(mx, my, { steps: 10 });
  await page.mouse.up();
  await expect(added).toHaveAttribute('data-angle', /^(23[89]|24[0-2])(\.\d+)?$/);
  await expect(added).toHaveAttribute('data-selected', 'true');
  await expect(verdict(page)).toHaveAttribute('data-hereditary', 'true', { timeout: 30_000 });

  // Remove: the selected one, with the button.
  await page.getByTestId('remove-task').click();
  await expect(tasks(page)).toHaveCount(before);
  // The base task cannot be removed: it is selected, and the button says no by being disabled.
  await tasks(page).first().click();
  await expect(page.getByTestId('remove-task')).toBeDisabled();

  // The edited set survives a reload (it is the link).
  const [bx, by] = await pointOnCircle(page, 200);
  await page.mouse.click(bx, by);
  await expect(verdict(page)).toHaveAttribute('data-status', /^(fitting|done)$/);
  await expect(tasks(page)).toHaveCount(before + 1);
  // The link is written once the page is quiet (not on every edit of a drag).
  await expect.poll(() => trainInLink(page).split(',').length).toBe(before + 1);
  const link = trainInLink(page);
  await page.reload();
  await waitReady(page);
  expect(trainInLink(page)).toBe(link);
  await expect(tasks(page)).toHaveCount(before + 1);
  await expect(verdict(page)).toHaveAttribute('data-hereditary', 'true', { timeout: 30_000 });
});

test('the keyboard does everything the mouse does', async ({ page }) => {
  await page.goto('/#budget=smoke');
  await waitReady(page);
  await page.getByTestId('edit-tasks').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-tasks')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('edit-retrain').uncheck();
  const before = await tasks(page).count();
  await page.getByTestId('add-task').focus();
  await page.keyboard.press('Enter');
  await expect(tasks(page)).toHaveCount(before + 1);

  const second = tasks(page).nth(1);
  const angle = Number(await second.getAttribute('data-angle'));
  await second.focus();
  await expect(second).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(second).toHaveAttribute(
    'data-angle',
    String(Math.round(((((angle + 11) % 360) + 360) % 360) * 100) / 100),
  );
  await page.keyboard.press('Delete');
  await expect(tasks(page)).toHaveCount(before);
  // The base task moves with the keys, and Delete on it is refused with a reason.
  const base = tasks(page).first();
  await base.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('edit-refusal')).toContainText('base task cannot be removed');
  await expect(tasks(page)).toHaveCount(before);
  await expect(verdict(page)).toHaveAttribute('data-hereditary', /^(true|false)$/, { timeout: 30_000 });
  console.log(`verdict after a keyboard edit: ${await verdict(page).getAttribute('data-ms')} ms`);
});

test('a Euclidean ellipse is refused on the page: the verdict says why', async ({ page }) => {
  await page.goto('/#family=ellipse&reward=euclidean&budget=smoke');
  await waitReady(page);
  await expect(verdict(page)).toHaveAttribute('data-hereditary', 'false', { timeout: 30_000 });
  await expect(verdict(page)).toContainText('Not hereditary');
  await expect(verdict(page)).toContainText('not offered');
});

test('an edit retrains the agents in the background, with progress, and the retrain can be cancelled', async ({
  page,
}) => {
  // The shipped run's settings: its base policy is reused, as the base task does not move.
  await page.goto('/');
  await waitReady(page);
  await page.getByTestId('edit-tasks').click();
  await expect(page.getByTestId('edit-retrain')).toBeChecked();
  await page.getByTestId('add-task').click();
  await expect(page.getByTestId('live-training')).toHaveAttribute('data-status', 'running', {
    timeout: 30_000,
  });
  // The base task did not move: its policy is kept, so no base stage is trained.
  await expect(page.getByTestId('live-note').last()).toContainText('Kept the base policy');
  await page
    .getByTestId('live-training')
    .getByRole('button', { name: /^Cancel live training/ })
    .first()
    .click();
  await expect(page.getByTestId('live-training')).toHaveAttribute('data-status', 'cancelled');
});

test('a bad list of training goals in a link gets a clear message and changes nothing', async ({ page }) => {
  await page.goto('/#train=10,abc,30');
  await waitReady(page);
  await expect(page.getByTestId('link-error')).toContainText('training task angles');
  await page.getByTestId('edit-tasks').click();
  await expect(tasks(page)).toHaveCount(4);
});
