// Which Chromium the browser tests and benchmarks launch, and the flags that give it a WebGPU adapter.
import { existsSync, readFileSync } from 'node:fs';

/** The flags that give tfjs a (SwiftShader) WebGPU adapter in headless Chromium; harmless for the other backends. */
export const WEBGPU_FLAGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader',
];

/** CHROMIUM_PATH, else what scripts/ensure-browser.mjs recorded, else Debian's default location. */
export function chromiumExecutable(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const recorded = 'node_modules/.cache/chromium-path';
  if (existsSync(recorded)) {
    const p = readFileSync(recorded, 'utf8').trim();
    if (p && existsSync(p)) return p;
  }
  return '/usr/bin/chromium';
}
