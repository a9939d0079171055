// The built app under a strict Content-Security-Policy *header*; and no HTML-injection sinks in the UI source.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CSP_HEADER, dragGoal, watchPage } from './helpers';
import { type StaticServer, serveDist } from './staticServer';

const PORT = 4176;
const ORIGIN = `http://127.0.0.1:${PORT}`;
let server: StaticServer;

test.beforeAll(async () => {
  server = await serveDist({
    port: PORT,
    headers: { 'content-security-policy': CSP_HEADER, 'x-content-type-options': 'nosniff' },
  });
});

test.afterAll(() => server.close());

for (const link of ['', '#backend=wasm']) {
  test(`strict CSP header${link ? ` (${link})` : ''}: app-ready, no violation, nothing leaves the origin`, async ({
    page,
  }) => {
    const watch = watchPage(page, ORIGIN);
    // securitypolicyviolation events of the document (workers' violations reach the console, watched above).
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const response = await page.goto(`${ORIGIN}/${link}`);
    expect(response?.headers()['content-security-policy']).toBe(CSP_HEADER);
    await expect(page.getByTestId('app-ready')).toBeVisible();
    // Exercise the agents worker too: a drag sends new goals to it.
    await dragGoal(page, 0.9, 0.5);
    await expect(page).toHaveURL(/goal=/);
    await expect(page.getByTestId('rollout-hereditary')).toHaveAttribute('data-return', /^-\d/);
    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    expect(violations).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    if (link) await expect(page.getByTestId('backend')).toHaveText('wasm');
    // The fused SAC step's WebAssembly module is generated in the worker at run time: 'wasm-unsafe-eval' lets it
    // compile (no 'unsafe-eval' needed), and the calibration times it as the path SAC trains on.
    await expect(page.getByTestId('backend-sac')).toHaveAttribute('data-path', 'fused-wasm-simd', {
      timeout: 90_000,
    });
    await expect(page.getByTestId('backend-sac')).toContainText(/fused wasm-simd \d[\d.]* ms\/update/);
    expect(watch.cspViolations).toEqual([]);
  });
}

test.describe('without wasm-unsafe-eval', () => {
  const NO_WASM_PORT = 4178;
  const NO_WASM_CSP = CSP_HEADER.replace(" 'wasm-unsafe-eval'", '');
  let noWasm: StaticServer;
  test.beforeAll(async () => {
    noWasm = await serveDist({ port: NO_WASM_PORT, headers: { 'content-security-policy': NO_WASM_CSP } });
  });
  test.afterAll(() => noWasm.close());

  test('SAC trains on the fused step’s plain-JS kernels, and the backend panel says so', async ({ page }) => {
    expect(NO_WASM_CSP).not.toContain('wasm');
    await page.goto(`http://127.0.0.1:${NO_WASM_PORT}/`);
    await expect(page.getByTestId('app-ready')).toBeVisible();
    const sac = page.getByTestId('backend-sac');
    await expect(sac).toHaveAttribute('data-path', /^(fused-js|tfjs)$/, { timeout: 90_000 });
    await expect(sac).toContainText('fused js (no WebAssembly SIMD)');
  });
});

/** Every .ts/.tsx file under a folder, recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

test('the UI source has no HTML-injection sinks (innerHTML, dangerouslySetInnerHTML, d3 .html())', () => {
  const sinks = /innerHTML|outerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write|\.html\(/;
  const files = ['src/app', 'src/panels'].flatMap(sourceFiles);
  expect(files.length).toBeGreaterThan(10);
  const hits = files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .map((line, i) => ({ where: `${f}:${i + 1}`, line: line.trim() }))
      .filter(({ line }) => sinks.test(line)),
  );
  expect(hits).toEqual([]);
});
