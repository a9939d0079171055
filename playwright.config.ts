// Playwright: build + preview the app, then test it in system Chromium with and without WebGPU.
import { defineConfig } from '@playwright/test';
import { chromiumExecutable, QUIET_BROWSER_FLAGS, WEBGPU_FLAGS } from './src/cli/chromium';

const executablePath = chromiumExecutable();
/** E2E_PORT lets a second run (a targeted spec beside a full suite) use its own preview server. */
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
  projects: [
    {
      name: 'webgpu',
      use: {
        launchOptions: { executablePath, args: ['--no-sandbox', ...QUIET_BROWSER_FLAGS, ...WEBGPU_FLAGS] },
      },
    },
    {
      name: 'fallback',
      use: { launchOptions: { executablePath, args: ['--no-sandbox', ...QUIET_BROWSER_FLAGS] } },
    },
  ],
});
