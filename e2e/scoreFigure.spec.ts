// The score-vs-distance figure: each agent's per-bin band, the score/regret switch, regret in the facts.
import { expect, test } from '@playwright/test';

test('the score figure draws a min–max band per agent and switches between score and regret', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
  const figure = page.locator('.panel-host.score svg');
  // Panels off screen wait to be drawn until they scroll near the viewport (src/app/PanelHost.tsx).
  await figure.scrollIntoViewIfNeeded();
  // The shipped results have both agents; an older file gets its bands from its own rows.
  await expect(figure.locator('path.score-band')).toHaveCount(2);
  await expect(figure).toContainText('min–max in each bin');
  await expect(page.getByTestId('score-facts')).toContainText('largest regret');
  const measure = page.getByTestId('score-measure');
  await measure.getByLabel('regret').check();
  await expect(figure).toContainText('regret (oracle return − return)');
  await measure.getByLabel('score').check();
  await expect(figure).toContainText('normalised score');
});
