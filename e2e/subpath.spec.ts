// The built app works when served from a sub-path (vite base './'), e.g. https://host/some/dir/.
import { expect, test } from '@playwright/test';
import { watchPage } from './helpers';
import { type StaticServer, serveDist } from './staticServer';

const PORT = 4175;
const PREFIX = '/deep/sub/path/';
let server: StaticServer;

test.beforeAll(async () => {
  server = await serveDist({ port: PORT, prefix: PREFIX });
});

test.afterAll(() => server.close());

test('the build runs from a sub-path with the wasm backend', async ({ page }) => {
  const origin = `http://127.0.0.1:${PORT}`;
  const watch = watchPage(page, origin);
  const notFound: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) notFound.push(r.url());
  });
  await page.goto(`${origin}${PREFIX}#backend=wasm`);
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await expect(page.getByTestId('backend')).toHaveText('wasm');
  await expect(page.getByTestId('backend-rl')).toHaveAttribute('data-backend', 'wasm');
  expect(notFound).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
});
