// Which Chromium the browser tests and benchmarks launch, and the flags that give it a WebGPU adapter.
import { existsSync, readFileSync } from 'node:fs';

/** The flags that give tfjs a (SwiftShader) WebGPU adapter in headless Chromium; harmless for the other backends. */
export const WEBGPU_FLAGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader',
];

/**
 * The features Playwright 1.65 turns off in the Chromium it launches (its own `--disable-features` list). Chromium
 * reads only the last `--disable-features` flag, so the flag below repeats them; `chromium.test.ts` checks that
 * it still covers Playwright's list after an upgrade.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AimEnabled',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsFirstBalancedModeAutoEnable',
  'HttpsUpgrades',
  'LensOverlay',
  'MediaRouter',
  'NetworkTimeServiceQuerying',
  'OptimizationHints',
  'PaintHolding',
  'PreconnectToSearch',
  'TcpPortRandomizationWin',
  'ThirdPartyStoragePartitioning',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  'msForceBrowserSignIn',
];

/**
 * Chromium 156 starts a renderer for its WebUI omnibox popup with every new browser window, and a headless page is a
 * window. On two cores that renderer took a core for about a second beside every page the benchmarks and tests
 * opened, slowing a page load ≈ 2× (a visitor's window has started it long before they open the app). Puppeteer
 * turns the same two features off for the same reason.
 */
export const OMNIBOX_POPUP_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** Playwright's disabled features plus the omnibox popup's: for every Chromium the tests and benchmarks launch. */
export const QUIET_BROWSER_FLAGS = [
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_POPUP_FEATURES].join(',')}`,
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
