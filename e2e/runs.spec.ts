// Kept runs: a link never trains by itself and stale views say so; runs export, import, survive a reload, rename, delete.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { shownReturn, waitReady } from './helpers';

test.beforeEach(async ({ page: _page }, testInfo) => {
  test.skip(testInfo.project.name !== 'fallback', 'no GPU needed: one project runs it');
});

const items = (page: Page) => page.getByTestId('run-item');
const item = (page: Page, name: string) =>
  items(page).filter({ has: page.getByTestId('run-name').getByText(name) });

test('a link with other training settings shows the nearest run, marked stale, and does not train', async ({
  page,
}, testInfo) => {
  await page.goto('/#seed=11&budget=smoke');
  await waitReady(page);
  const banner = page.getByTestId('stale-banner');
  await expect(banner).toBeVisible();
  await expect(banner.getByTestId('stale-differences')).toHaveText('seed, budget');
  await expect(banner.getByTestId('stale-run')).toContainText('Pretrained run');
  await expect(page.getByTestId('train-these')).toBeEnabled();
  await expect(page.getByTestId('train-these')).toHaveText(/^Train these settings \(≈ \d+ s\)$/);
  // Every results panel is dimmed; the shipped results stay on screen, and nothing trains.
  await expect(page.locator('.stale-region.stale')).toHaveCount(3);
  await expect(page.getByTestId('results-origin')).toHaveAttribute('data-source', 'pretrained');
  await page.waitForTimeout(2000);
  await expect(page.getByTestId('live-training')).toHaveAttribute('data-status', 'idle');
  await expect(page.locator('[data-testid=job][data-stage=train-base]')).toHaveCount(0);

  // Back to the shipped run's settings: no longer stale. A change in the controls makes it stale again, still idle.
  await page.getByRole('spinbutton', { name: 'seed', exact: true }).fill('0');
  await page.getByLabel('training budget').selectOption('quick');
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
  await expect(page.locator('.stale-region.stale')).toHaveCount(0);
  await page.getByLabel('action constraint').selectOption('box');
  await expect(page.getByTestId('stale-differences')).toHaveText('action constraint');
  await expect(page.getByTestId('live-training')).toHaveAttribute('data-status', 'idle');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('runs-stale.png') });
});

test('a bad file is refused with a message and changes nothing', async ({ page }) => {
  await page.goto('/');
  await waitReady(page);
  await expect(items(page)).toHaveCount(1);
  const before = await page.getByTestId('shown-run').textContent();
  await page.getByTestId('run-import').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"hereditary-pretrained/1","artifacts":{}}'),
  });
  const message = page.getByTestId('runs-message');
  await expect(message).toHaveAttribute('data-kind', 'error');
  await expect(message).toContainText('Not imported: broken.json: the file has no experiment config');
  await expect(message).toContainText('Nothing was changed.');
  await expect(items(page)).toHaveCount(1);
  await expect(page.getByTestId('shown-run')).toHaveText(before ?? '');
});

test('export and import round-trip; an opened run survives a reload; rename and delete', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await waitReady(page);
  const shipped = item(page, 'Pretrained run');
  await expect(shipped).toHaveCount(1);
  await expect(shipped.getByTestId('run-delete')).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    shipped.getByTestId('run-export').click(),
  ]);
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const file = JSON.parse(readFileSync(path, 'utf8'));
  expect(file.format).toBe('hereditary-pretrained/1');
  expect(download.suggestedFilename()).toMatch(/^hereditary-pretrained-run-\d{4}-\d\d-\d\d\.json$/);

  // Import the exported file as it is, and a copy that says it was trained with seed 11.
  await page.getByTestId('run-import').setInputFiles(path);
  await expect(items(page)).toHaveCount(2);
  await expect(page.getByTestId('runs-message')).toHaveText(/Imported “Pretrained run”/);
  file.artifacts.config.seed = 11;
  file.run_name = 'Seed eleven';
  await page.getByTestId('run-import').setInputFiles({
    name: 'seed11.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(items(page)).toHaveCount(3);

  // Opening it makes its settings the link's: shown, named in the header, not stale.
  await item(page, 'Seed eleven').getByTestId('run-open').click();
  await expect(page).toHaveURL(/seed=11(&|$)/);
  await expect(page.getByTestId('shown-run')).toContainText('Seed eleven');
  await expect(item(page, 'Seed eleven')).toHaveAttribute('data-shown', 'true');
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
  const returnBefore = await shownReturn(page, 'rollout-hereditary');

  await page.reload();
  await waitReady(page);
  await expect(items(page)).toHaveCount(3);
  await expect(page.getByTestId('shown-run')).toContainText('Seed eleven');
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
  expect(await shownReturn(page, 'rollout-hereditary')).toBe(returnBefore);

  // Rename: the list and the header follow, and the name is kept.
  const seed11 = item(page, 'Seed eleven');
  await seed11.getByTestId('run-rename').click();
  await page.getByTestId('run-rename-input').fill('My seed-11 run');
  await page.getByTestId('run-rename-save').click();
  await expect(item(page, 'My seed-11 run')).toHaveCount(1);
  await expect(page.getByTestId('shown-run')).toContainText('My seed-11 run');
  await page.screenshot({ path: testInfo.outputPath('runs-list.png') });
  await page.reload();
  await waitReady(page);
  await expect(item(page, 'My seed-11 run')).toHaveCount(1);

  // Delete the shown run: it goes, and the page returns to the shipped run and its settings.
  const renamed = item(page, 'My seed-11 run');
  await renamed.getByTestId('run-delete').click();
  await renamed.getByTestId('run-delete-confirm').click();
  await expect(items(page)).toHaveCount(2);
  await expect(page.getByTestId('results-origin')).toHaveAttribute('data-source', 'pretrained');
  await expect(page).toHaveURL(/seed=0(&|$)/);
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
});
