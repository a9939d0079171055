// Offline and installable: after one online visit the app reloads and runs with the server gone; the manifest is valid.
// Served from a sub-path under the strict CSP header, so the service worker's scope and fetches are tested there too.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CSP_HEADER, dragGoal, shownReturn, waitReady, watchPage } from './helpers';
import { type StaticServer, serveDist } from './staticServer';

const PORT = 4177;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PREFIX = '/offline/app/';
let server: StaticServer;

// A server per test: the offline test shuts its server down half-way.
test.beforeEach(async () => {
  server = await serveDist({
    port: PORT,
    prefix: PREFIX,
    headers: { 'content-security-policy': CSP_HEADER },
  });
});

test.afterEach(() => server.close());

test('the web app manifest is served, valid JSON, relative to the sub-path, with PNG and SVG icons', async ({
  request,
}) => {
  const html = await (await request.get(`${ORIGIN}${PREFIX}`)).text();
  const href = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
  expect(href).toBe('manifest.webmanifest');
  const manifestUrl = new URL(href ?? '', `${ORIGIN}${PREFIX}`).href;
  const res = await request.get(manifestUrl);
  expect(res.status()).toBe(200);
  const manifest = JSON.parse(await res.text());
  expect(manifest).toMatchObject({
    short_name: 'Hereditary',
    display: 'standalone',
    start_url: './',
    scope: './',
  });
  expect(manifest.name).toMatch(/Hereditary/);
  // The theme colour is the page's, and start_url resolves to the sub-path the app is served from.
  expect(html).toContain(`<meta name="theme-color" content="${manifest.theme_color}"`);
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(`${ORIGIN}${PREFIX}`);
  const icons: { src: string; sizes: string; type: string; purpose?: string }[] = manifest.icons;
  for (const size of ['192x192', '512x512'])
    expect(icons.some((i) => i.sizes === size && i.type === 'image/png' && i.purpose !== 'maskable')).toBe(
      true,
    );
  expect(icons.some((i) => i.purpose === 'maskable')).toBe(true);
  for (const icon of icons) {
    const body = await (await request.get(new URL(icon.src, manifestUrl).href)).body();
    if (icon.type === 'image/png') {
      expect(body.subarray(1, 4).toString()).toBe('PNG');
      const [w, h] = icon.sizes.split('x').map(Number);
      expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([w, h]);
    } else expect(body.toString()).toContain('<svg');
  }
});

test('after one online visit the page reloads and runs with no network: ready, drag, export', async ({
  page,
  context,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'fallback', 'no GPU involved: one project runs it');
  const watch = watchPage(page, ORIGIN);
  await page.goto(`${ORIGIN}${PREFIX}#backend=wasm`);
  await waitReady(page);
  const status = page.getByTestId('offline-status');
  await expect(status).toHaveAttribute('data-state', 'ready');
  await expect(status).toHaveAccessibleName(/available offline/i);
  // The first visit's page is claimed by the worker, and the worker lives in the sub-path's scope.
  const scope = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller ? registration.scope : null;
  });
  expect(scope).toBe(`${ORIGIN}${PREFIX}`);
  const online = [...server.requests];
  expect(online).toContain(`${PREFIX}sw.js`);

  // No network: the browser is offline and the server is gone.
  await server.close();
  await context.setOffline(true);
  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await waitReady(page);
  expect(server.requests).toEqual(online);
  await expect(status).toHaveText('Offline');
  // The workers and the tfjs wasm binaries came from the cache: the wasm backend runs the agents.
  await expect(page.getByTestId('backend')).toHaveText('wasm');
  await expect(page.getByTestId('backend-rl')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('results-origin')).toHaveAttribute('data-source', 'pretrained');

  const before = await shownReturn(page, 'rollout-hereditary');
  expect(before).toMatch(/^-\d/);
  await dragGoal(page, 0.5, 0.95);
  await expect(page).toHaveURL(/goal=2[4-9]\d/);
  await expect(page.getByTestId('rollout-hereditary')).not.toHaveAttribute('data-return', before ?? '');
  await expect(page.getByTestId('rollout-hereditary')).toHaveAttribute('data-return', /^-\d/);

  const bar = page.getByRole('group', { name: 'Export score-vs-distance' });
  for (const kind of ['JSON', 'PNG']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      bar.getByRole('button', { name: kind }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`score-vs-distance.${kind.toLowerCase()}`);
    const bytes = readFileSync(await download.path());
    if (kind === 'JSON') expect(() => JSON.parse(bytes.toString())).not.toThrow();
    else expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  }
  expect(watch.pageErrors).toEqual([]);
  expect(watch.cspViolations).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});
