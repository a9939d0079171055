// The service worker (built as sw.js): precaches the build on install, serves it offline, drops old builds' caches.
import {
  cacheName,
  createRouter,
  type PrecacheManifest,
  precacheEntries,
  preferCached,
  staleCacheNames,
} from './offlineCache';

/** Replaced at build time by the precache list and version (vite.config.ts's precache plugin). */
declare const __PRECACHE_MANIFEST__: PrecacheManifest;

// The DOM lib has no service-worker scope types (and the WebWorker lib clashes with it): the parts used here.
interface ExtendableEventLike extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScopeLike {
  registration: ServiceWorkerRegistration;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (e: FetchEventLike) => void): void;
}

/** A page load waits this long for the network before it is answered from the cache. */
const NETWORK_TIMEOUT_MS = 5000;

const sw = self as unknown as ServiceWorkerScopeLike;
const manifest = __PRECACHE_MANIFEST__;
const scope = sw.registration.scope;
const cacheKey = cacheName(scope, manifest.version);
const route = createRouter(manifest, scope);
const matchOptions: CacheQueryOptions = { ignoreVary: true };

/** A redirected response cannot answer a navigation; a fresh Response with the same body and headers can. */
async function storable(response: Response): Promise<Response> {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, headers: response.headers });
}

async function precache(): Promise<void> {
  const cache = await caches.open(cacheKey);
  try {
    await Promise.all(
      precacheEntries(manifest, scope).map(async ({ url, hashed }) => {
        // Hashed files may come from the HTTP cache (their bytes never change); the others are revalidated.
        const response = await fetch(url, {
          cache: hashed ? 'default' : 'no-cache',
          credentials: 'same-origin',
        });
        if (!response.ok) throw new Error(`precache ${url}: HTTP ${response.status}`);
        await cache.put(url, await storable(response));
      }),
    );
  } catch (e) {
    // A half-filled cache must not become the offline copy; the next visit tries again.
    await caches.delete(cacheKey);
    throw e;
  }
}

async function dropStaleCaches(): Promise<void> {
  const stale = staleCacheNames(await caches.keys(), scope, manifest.version);
  await Promise.all(stale.map((name) => caches.delete(name)));
}

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { ...matchOptions, cacheName: cacheKey });
  return cached ?? fetch(request);
}

/** The network's answer, unless it fails, errs on the server, or is slower than the timeout and a copy is cached. */
async function networkFirst(request: Request, fallbackUrl: string): Promise<Response> {
  const cached = () => caches.match(fallbackUrl, { ...matchOptions, cacheName: cacheKey });
  const network = fetch(request);
  network.catch(() => undefined); // settled later or never read: not an unhandled rejection
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), NETWORK_TIMEOUT_MS);
  });
  const first = await Promise.race([network, timeout]).catch(() => null);
  clearTimeout(timer);
  if (!preferCached(first) && first) return first;
  const copy = await cached();
  if (copy) return copy;
  if (first) return first;
  return network; // nothing cached: wait for the network's own answer or error
}

sw.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
  // Claiming makes the first visit's page controlled, so it works offline without a second online load.
  event.waitUntil(dropStaleCaches().then(() => sw.clients.claim()));
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const how = route(request);
  if (how === 'passthrough') return;
  if (how === 'cache-first') event.respondWith(cacheFirst(request));
  else if (how === 'network-first') event.respondWith(networkFirst(request, request.url));
  else event.respondWith(networkFirst(request, scope)); // a page load: index.html is cached at the scope's URL
});
