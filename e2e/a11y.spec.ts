// Accessibility: no serious or critical axe violations (wide and narrow), and the goal moves with the keyboard.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

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

/** Serious or critical axe violations inside `include` (a CSS selector; the whole page when omitted). */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const [label, size] of [
  ['wide', { width: 1280, height: 800 }],
  ['narrow', { width: 390, height: 844 }],
] as const) {
  test(`each story section, scrolled into view, has no serious or critical violations (${label})`, async ({
    page,
  }, testInfo) => {
    test.skip(
      testInfo.project.name !== 'webgpu',
      'the markup does not depend on the backend: one project runs it',
    );
    await page.setViewportSize(size);
    await page.goto('/');
    await expect(page.getByTestId('app-ready')).toBeVisible();
    // The stories load after the first screen (a lazy chunk): wait for them before listing the sections.
    await expect(page.locator('section.story').nth(3)).toBeAttached();
    // Sections skip rendering off screen (content-visibility): each is brought into view before it is checked.
    const ids = await page
      .locator('section.story')
      .evaluateAll((sections) => sections.map((s) => s.getAttribute('aria-labelledby')));
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const id of ids) {
      const section = page.locator(`section.story[aria-labelledby="${id}"]`);
      await section.scrollIntoViewIfNeeded();
      await expect(section.locator('svg').first()).toBeVisible();
      // Open anything collapsed inside it.
      for (const summary of await section.locator('details:not([open]) > summary').all())
        await summary.click();
      expect(await seriousViolations(page, `section.story[aria-labelledby="${id}"]`)).toEqual([]);
    }
    // And the compute panel at the foot of the page.
    await page.locator('section.compute').scrollIntoViewIfNeeded();
    expect(await seriousViolations(page, 'section.compute')).toEqual([]);
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
