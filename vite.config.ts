/// <reference types="vitest/config" />
// Vite build, dev server and Vitest configuration for the Hereditary explainer.
import { fileURLToPath } from 'node:url';
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

/**
 * In the browser build `@tensorflow/tfjs` is tfjs-core plus the backends (src/workers/tfjsLean.ts): the umbrella's
 * layers, converter and data packages were a quarter of the compute worker's script. Vitest runs in Node, where the
 * umbrella's CommonJS build is what registers gradients and kernels, so it keeps the real package.
 */
const leanTfjs = process.env.VITEST
  ? []
  : [
      {
        find: /^@tensorflow\/tfjs$/,
        replacement: fileURLToPath(new URL('./src/workers/tfjsLean.ts', import.meta.url)),
      },
    ];

export default defineConfig({
  base: './',
  resolve: { alias: leanTfjs },
  plugins: [react(), relaxCspInDev(), eagerCommonJsFactories(), precacheServiceWorker()],
  worker: {
    format: 'es',
    // The GPU backends load on demand (backendSelect.ts): name their chunks for what they hold.
    rollupOptions: {
      output: {
        chunkFileNames: (chunk) => {
          const gpu = chunk.facadeModuleId?.match(/tfjs-backend-(webgpu|webgl)\//)?.[1];
          return `assets/${gpu ? `tfjs-${gpu}` : '[name]'}-[hash].js`;
        },
      },
    },
  },
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-webgpu',
      '@tensorflow/tfjs-backend-wasm',
    ],
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
