// Vite build plugin: bundles src/workers/serviceWorker.ts as sw.js and writes into it the build's precache list,
// versioned by a hash of every listed file's name and bytes (a new deploy gets a new cache; the old one is dropped).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import type { PrecacheManifest } from '../src/workers/offlineCache';

/** The service worker's file name at the root of the build (its folder is its scope). */
export const SERVICE_WORKER_FILE = 'sw.js';
/** The identifier in serviceWorker.ts that the precache manifest replaces. */
export const MANIFEST_PLACEHOLDER = '__PRECACHE_MANIFEST__';

/** One file of the build: its path relative to the output folder, its bytes, and whether Vite hashed its name. */
export interface BuiltFile {
  path: string;
  bytes: string | Uint8Array;
  hashed: boolean;
}

/** Source maps and the service worker itself are not precached; index.html is cached under the scope ('./'). */
export function precacheManifest(files: readonly BuiltFile[]): PrecacheManifest {
  const kept = files
    .filter((f) => f.path !== SERVICE_WORKER_FILE && !f.path.endsWith('.map'))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash('sha256');
  for (const f of kept) hash.update(f.path).update('\0').update(f.bytes).update('\0');
  return {
    version: hash.digest('hex').slice(0, 16),
    hashed: kept.filter((f) => f.hashed).map((f) => f.path),
    fresh: kept.filter((f) => !f.hashed).map((f) => (f.path === 'index.html' ? './' : f.path)),
  };
}

/** Every file under `dir`, as paths relative to it with forward slashes (dotfiles skipped). */
function listPublicFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** The plugin (build only: `vite` dev serves no sw.js and the page does not register one). */
export function precacheServiceWorker(entry = 'src/workers/serviceWorker.ts'): Plugin {
  let root = process.cwd();
  let publicDir = '';
  let assetsDir = 'assets';
  return {
    name: 'hereditary-precache-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      publicDir = config.publicDir;
      assetsDir = config.build.assetsDir;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: resolve(root, entry), fileName: SERVICE_WORKER_FILE });
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const sw = bundle[SERVICE_WORKER_FILE];
        if (sw?.type !== 'chunk') throw new Error(`${SERVICE_WORKER_FILE} missing from the bundle`);
        // A classic service worker script cannot import: the chunk must stand alone.
        if (sw.imports.length > 0 || sw.dynamicImports.length > 0 || sw.exports.length > 0)
          throw new Error(
            `${SERVICE_WORKER_FILE} shares code with the page (imports ${sw.imports.join(', ')})`,
          );
        const built: BuiltFile[] = Object.values(bundle).map((out) => ({
          path: out.fileName,
          bytes: out.type === 'chunk' ? out.code : out.source,
          // Vite names what it writes under assets/ by content hash; anything else (index.html) keeps its name.
          hashed: out.fileName.startsWith(`${assetsDir}/`),
        }));
        const copied: BuiltFile[] = publicDir
          ? listPublicFiles(publicDir).map((path) => ({
              path,
              bytes: readFileSync(join(publicDir, path)),
              hashed: false,
            }))
          : [];
        const manifest = precacheManifest([...built, ...copied]);
        const uses = sw.code.split(MANIFEST_PLACEHOLDER).length - 1;
        if (uses === 0)
          throw new Error(`${SERVICE_WORKER_FILE} lost its ${MANIFEST_PLACEHOLDER} placeholder`);
        sw.code = sw.code.replaceAll(MANIFEST_PLACEHOLDER, JSON.stringify(manifest));
      },
    },
  };
}
