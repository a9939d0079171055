// Share-link fuzzing in the real page: 50 seeded mutated hashes; no crash, no hang, bad fields reported with defaults.
import { expect, type Page, test } from '@playwright/test';
import { Rng } from '../src/core/rng';
import { normaliseGoalDeg } from '../src/state/derived';
import { defaultUrlState, formatHash, parseHash } from '../src/state/urlSchema';
import { watchPage } from './helpers';

/** The preview server's origin (playwright.config.ts: E2E_PORT, else 4173). */
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const SEED = 20260302;
const COUNT = 50;
const PER_TEST = 10;

const JUNK = [
  '<img src=x onerror=alert(1)>',
  '%',
  '%E0%A4%A',
  '&',
  '=',
  '#',
  'NaN',
  '-1',
  '1e308',
  'Infinity',
  ',,,',
  '\u202e',
  '🙂',
  '9'.repeat(30),
  '__proto__=1',
  'constructor',
  'train=' + '1,'.repeat(40),
  'backend=tpu',
  'K=0',
];

/** The seeded mutated hashes: 1–4 edits (insert junk, delete, random character, truncate, repeat) of a valid link. */
function mutatedHashes(): string[] {
  const rng = new Rng(SEED);
  const base = formatHash({ ...defaultUrlState(), goal: 45, K: 12, constraint: 'box' });
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)];
  return Array.from({ length: COUNT }, () => {
    let h = base;
    for (let e = 1 + rng.int(4); e > 0; e--) {
      const at = 1 + rng.int(h.length);
      const op = rng.int(5);
      if (op === 0) h = h.slice(0, at) + pick(JUNK) + h.slice(at);
      else if (op === 1) h = h.slice(0, at) + h.slice(at + 1 + rng.int(6));
      else if (op === 2) h = h.slice(0, at) + String.fromCharCode(32 + rng.int(0x2fd0)) + h.slice(at);
      else if (op === 3) h = h.slice(0, Math.max(at, 2));
      else h = h.slice(0, at) + pick(JUNK).repeat(1 + rng.int(120)) + h.slice(at);
    }
    return h;
  });
}

/** Resolves when the page's main thread runs two animation frames within `ms` (otherwise it is hung). */
async function expectResponsive(page: Page, ms = 5000): Promise<void> {
  const answered = page.evaluate(
    () =>
      new Promise<boolean>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))),
      ),
  );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms));
  expect(await Promise.race([answered, timeout]), 'page answers within 5 s').toBe(true);
}

const hashes = mutatedHashes();

test.describe('share-link fuzz', () => {
  for (let from = 0; from < COUNT; from += PER_TEST) {
    test(`mutated links ${from + 1}–${from + PER_TEST} (seed ${SEED})`, async ({ page }) => {
      test.skip(test.info().project.name === 'webgpu', 'link parsing does not depend on the backend');
      test.setTimeout(180_000);
      const watch = watchPage(page, ORIGIN);
      for (const [i, hash] of hashes.slice(from, from + PER_TEST).entries()) {
        const label = `link ${from + i + 1}: ${JSON.stringify(hash.slice(0, 120))}`;
        await page.goto('about:blank');
        await page.goto(`${ORIGIN}/${hash}`);
        // The browser may re-encode characters; the page parses what it sees, and so does the check.
        const seen = await page.evaluate(() => location.hash);
        const expected = parseHash(seen);
        await expect(page.getByTestId('goal-handle'), label).toBeVisible();
        await expectResponsive(page);
        const banner = page.getByTestId('link-error');
        if (expected.errors.length === 0) {
          await expect(banner, label).toHaveCount(0);
        } else {
          await expect(banner, label).toBeVisible();
          const messages = [...new Set(expected.errors.map((e) => e.message))];
          const items = banner.locator('li');
          const shown = messages.slice(0, 12);
          for (const [k, m] of shown.entries()) await expect(items.nth(k), label).toHaveText(m);
          if (messages.length > 12) await expect(items.nth(12)).toContainText(`${messages.length - 12} more`);
        }
        // The settings the page uses are the parsed ones (defaults where a field was bad): one keyboard step
        // of the goal makes the page write its whole state to the link, which must be exactly that state.
        const handle = page.getByTestId('goal-handle');
        await expect(handle, label).toHaveAttribute('data-angle', String(expected.state.goal));
        await handle.focus();
        await page.keyboard.press('ArrowRight');
        const want = formatHash({ ...expected.state, goal: normaliseGoalDeg(expected.state.goal + 1) });
        await expect.poll(() => page.evaluate(() => location.hash), { message: label }).toBe(want);
        await expectResponsive(page);
        expect(watch.pageErrors, label).toEqual([]);
      }
      expect(watch.cspViolations).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    });
  }
});
