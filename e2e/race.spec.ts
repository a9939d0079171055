// The race section's setting switch: every setting listed, those absent disabled with a reason, switching updates.
import { expect, test } from '@playwright/test';
import { waitReady } from './helpers';

test('the race settings switch: present ones selectable, absent ones disabled with the reason', async ({
  page,
}) => {
  await page.goto('/');
  await waitReady(page);
  const group = page.getByTestId('race-setting');
  const radios = group.getByRole('radio');
  await expect(radios).toHaveCount(4);
  const enabled: number[] = [];
  for (let i = 0; i < 4; i++) if (await radios.nth(i).isEnabled()) enabled.push(i);
  expect(enabled.length).toBeGreaterThanOrEqual(1);
  if (enabled.length < 4) await expect(group.locator('.race-absent')).toContainText('Not in these results');
  // The figures and the lr rule are shown for the selected setting; another present setting switches them.
  await expect(page.getByTestId('race-facts')).toContainText('spread');
  await expect(page.getByTestId('race-lr-rule')).toContainText(/truth-free|not recorded/);
  if (enabled.length > 1) {
    const label = await group.locator('.race-setting-label').textContent();
    await radios.nth(enabled[1]).check();
    await expect(group.locator('.race-setting-label')).not.toHaveText(label ?? '');
  }
});
