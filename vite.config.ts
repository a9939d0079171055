/// <reference types="vitest/config" />
// Vite build, dev server and Vitest configuration for the Hereditary explainer.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { eagerCommonJsFactories } from './scripts/eagerFactoriesPlugin.ts';
import { precacheServiceWorker } from './scripts/precachePlugin.ts';

/** The dev server injects <style> tags and an HMR client, which the strict CSP meta tag would block; builds keep it. */
const relaxCspInDev = (): Plugin => ({
  name: 'relax-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
});

export default defineConfig({
  base: './',
  plugins: [react(), relaxCspInDev(), eagerCommonJsFactories(), precacheServiceWorker()],
  worker: { format: 'es' },
  optimizeDeps: {
    include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgpu', '@tensorflow/tfjs-backend-wasm'],
  },
  build: { chunkSizeWarningLimit: 4000, target: 'es2022' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
