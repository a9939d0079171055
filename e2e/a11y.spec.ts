// Accessibility: no serious or critical axe violations (wide and narrow), and the goal moves with the keyboard.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.use({ reducedMotion: 'reduce' });

for (const [label, size] of [
  ['wide', { width: 1280, height: 800 }],
  ['narrow', { width: 390, height: 844 }],
] as const) {
  test(`no serious or critical axe violations (${label})`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await expect(page.getByTestId('app-ready')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const summary = bad.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    );
    expect(summary).toEqual([]);
  });
}

test('the goal is a keyboard slider', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
  const handle = page.getByRole('slider', { name: 'Test goal angle' });
  await expect(handle).toHaveAttribute('aria-valuenow', '90');
  await handle.focus();
  await expect(handle).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(handle).toHaveAttribute('aria-valuenow', '92');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', '82');
  await expect(page).toHaveURL(/goal=82(&|$)/);
  // The presets and the export buttons are reachable and named.
  await expect(page.getByRole('button', { name: 'Clustered' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Export task-space' })).toBeVisible();
});
