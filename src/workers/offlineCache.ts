// The service worker's pure decisions: which cache a build owns, which caches are stale, how each request is served.

/** What the build writes into sw.js: the files to keep offline (relative to the scope) and their content hash. */
export interface PrecacheManifest {
  /** Hash of every precached file's name and bytes: a new deploy gets a new cache. */
  version: string;
  /** Files whose names carry a content hash (Vite's assets/): served from the cache first. */
  hashed: readonly string[];
  /** Files whose names do not change between builds ('./' is index.html): network first, cache if offline. */
  fresh: readonly string[];
}

/** How the service worker answers one request. */
export type Route = 'cache-first' | 'network-first' | 'navigation' | 'passthrough';

/** The request fields the routing looks at (a subset of Request, so tests can pass plain objects). */
export interface RequestFacts {
  url: string;
  method: string;
  mode: string;
}

const CACHE_PREFIX = 'hereditary-offline';

/** Caches are per origin, so the scope is part of the name: two deploys on one origin never delete each other's. */
export function cacheName(scope: string, version: string): string {
  return `${CACHE_PREFIX} ${scope} ${version}`;
}

/** Caches this scope made for other builds (deleted once the current build is active). */
export function staleCacheNames(names: readonly string[], scope: string, version: string): string[] {
  const own = `${CACHE_PREFIX} ${scope} `;
  return names.filter((n) => n.startsWith(own) && n !== cacheName(scope, version));
}

/** Absolute URLs of the precached files, each with whether its name is content-hashed. */
export function precacheEntries(
  manifest: PrecacheManifest,
  scope: string,
): { url: string; hashed: boolean }[] {
  return [
    ...manifest.hashed.map((f) => ({ url: new URL(f, scope).href, hashed: true })),
    ...manifest.fresh.map((f) => ({ url: new URL(f, scope).href, hashed: false })),
  ];
}

/** The URL without its fragment (fetches never carry one, but a cache key should not either). */
const withoutHash = (url: string): string => url.replace(/#.*$/, '');

/**
 * The router of one build at one scope. Cache-first for content-hashed files, network-first for the other
 * precached files and for loads of the app's page (falling back to the cached index.html); everything else goes
 * to the network untouched: other methods, other origins, paths outside the scope, files the build did not list
 * (another page under the scope included: it must not be answered with this app when offline).
 */
export function createRouter(manifest: PrecacheManifest, scope: string): (req: RequestFacts) => Route {
  const hashedByUrl = new Map(precacheEntries(manifest, scope).map((e) => [e.url, e.hashed]));
  const origin = new URL(scope).origin;
  return (req) => {
    if (req.method !== 'GET') return 'passthrough';
    const url = withoutHash(req.url);
    if (new URL(url).origin !== origin || !url.startsWith(scope)) return 'passthrough';
    const page = url.replace(/\?.*$/, '');
    if (req.mode === 'navigate' && (page === scope || page === `${scope}index.html`)) return 'navigation';
    const hashed = hashedByUrl.get(url);
    if (hashed === undefined) return 'passthrough';
    return hashed ? 'cache-first' : 'network-first';
  };
}

/**
 * Whether a network answer should give way to the cached copy: no answer at all (offline, timed out) or a
 * server error. A 4xx or a redirect is the server's real answer and is passed on.
 */
export function preferCached(response: Pick<Response, 'status' | 'type'> | null): boolean {
  if (response === null) return true;
  if (response.type === 'opaqueredirect') return false;
  return response.status >= 500;
}
