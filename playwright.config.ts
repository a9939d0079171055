// Playwright: build + preview the app, then test it in system Chromium with and without WebGPU.
import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** CHROMIUM_PATH, else what scripts/ensure-browser.mjs found, else Debian's default location. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const recorded = 'node_modules/.cache/chromium-path';
  if (existsSync(recorded)) {
    const p = readFileSync(recorded, 'utf8').trim();
    if (p && existsSync(p)) return p;
  }
  return '/usr/bin/chromium';
}

const executablePath = chromiumPath();
const WEBGPU_FLAGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader',
];

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4173',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx vite build && npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
  projects: [
    {
      name: 'webgpu',
      use: { launchOptions: { executablePath, args: ['--no-sandbox', ...WEBGPU_FLAGS] } },
    },
    {
      name: 'fallback',
      use: { launchOptions: { executablePath, args: ['--no-sandbox'] } },
    },
  ],
});
