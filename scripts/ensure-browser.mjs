// Finds a system Chromium for Playwright (installs Debian's when root) and records its path for the config.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const CHROMIUM_PATH_FILE = 'node_modules/.cache/chromium-path';

const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv, how: 'CHROMIUM_PATH' };
    console.log(`[ensure-browser] CHROMIUM_PATH=${fromEnv} is not executable; searching elsewhere`);
  }
  for (const c of CANDIDATES) if (isExecutable(c)) return { path: c, how: 'known location' };
  for (const n of ['chromium', 'chromium-browser', 'google-chrome']) {
    const p = findOnPath(n);
    if (p && isExecutable(p)) return { path: p, how: 'PATH' };
  }
  return null;
}

function tryAptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.log('[ensure-browser] no Chromium found and not root: install it (apt-get install -y chromium)');
    return false;
  }
  console.log('[ensure-browser] no Chromium found; running apt-get update && apt-get install -y chromium');
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return true;
  } catch (e) {
    console.log(`[ensure-browser] apt-get failed: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

let found = findChromium();
if (!found && tryAptInstall()) found = findChromium();
if (!found) {
  console.error('[ensure-browser] FAILED: no Chromium. Set CHROMIUM_PATH to a Chromium/Chrome binary.');
  process.exit(1);
}
mkdirSync(dirname(CHROMIUM_PATH_FILE), { recursive: true });
writeFileSync(CHROMIUM_PATH_FILE, found.path + '\n');
let version = '';
try {
  version = execFileSync(found.path, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
} catch {
  version = '(version unknown)';
}
console.log(
  `[ensure-browser] using ${found.path} (${found.how}) ${version}; path written to ${CHROMIUM_PATH_FILE}`,
);
