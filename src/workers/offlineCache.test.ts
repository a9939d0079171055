// The service worker's routing and cache bookkeeping: what is served from where, and which caches go stale.
import { describe, expect, it } from 'vitest';
import {
  cacheName,
  createRouter,
  type PrecacheManifest,
  preferCached,
  staleCacheNames,
} from './offlineCache';

const SCOPE = 'https://host.example/deep/sub/path/';
const MANIFEST: PrecacheManifest = {
  version: 'abc123',
  hashed: ['assets/index-AbC.js', 'assets/tfjs-backend-wasm-simd-XyZ.wasm'],
  fresh: ['./', 'pretrained/default.json', 'manifest.webmanifest'],
};
const route = createRouter(MANIFEST, SCOPE);
const get = (path: string, mode = 'cors') => ({ url: new URL(path, SCOPE).href, method: 'GET', mode });

describe('routeRequest', () => {
  it('serves hashed build files cache-first and the other precached files network-first', () => {
    expect(route(get('assets/index-AbC.js'))).toBe('cache-first');
    expect(route(get('assets/tfjs-backend-wasm-simd-XyZ.wasm', 'same-origin'))).toBe('cache-first');
    expect(route(get('pretrained/default.json'))).toBe('network-first');
    expect(route(get('manifest.webmanifest', 'no-cors'))).toBe('network-first');
  });

  it("treats loads of the app's page as navigations (index.html falls back to the cache), not other pages", () => {
    expect(route(get('./', 'navigate'))).toBe('navigation');
    expect(route(get('./#goal=30&backend=wasm', 'navigate'))).toBe('navigation');
    expect(route(get('index.html?x=1', 'navigate'))).toBe('navigation');
    expect(route(get('docs/other-page.html', 'navigate'))).toBe('passthrough');
    expect(route(get('pretrained/default.json', 'navigate'))).toBe('network-first');
  });

  it('leaves other origins, other paths, other methods and unlisted files to the network', () => {
    expect(
      route({ url: 'https://cdn.example/deep/sub/path/assets/index-AbC.js', method: 'GET', mode: 'cors' }),
    ).toBe('passthrough');
    expect(route({ url: 'https://host.example/other/', method: 'GET', mode: 'navigate' })).toBe(
      'passthrough',
    );
    expect(route({ ...get('assets/index-AbC.js'), method: 'POST' })).toBe('passthrough');
    expect(route(get('assets/index-OLD.js'))).toBe('passthrough');
    expect(route(get('pretrained/default.json?v=2'))).toBe('passthrough');
  });
});

describe('cache names', () => {
  it('a new build at the same scope makes the old cache stale; another scope on the origin is left alone', () => {
    const other = 'https://host.example/other/';
    const names = [
      cacheName(SCOPE, 'old1'),
      cacheName(SCOPE, 'abc123'),
      cacheName(other, 'old1'),
      'someone-elses-cache',
    ];
    expect(staleCacheNames(names, SCOPE, 'abc123')).toEqual([cacheName(SCOPE, 'old1')]);
  });
});

describe('preferCached', () => {
  it('falls back on no answer or a server error, not on a 4xx or a redirect', () => {
    expect(preferCached(null)).toBe(true);
    expect(preferCached({ status: 503, type: 'basic' })).toBe(true);
    expect(preferCached({ status: 200, type: 'basic' })).toBe(false);
    expect(preferCached({ status: 404, type: 'basic' })).toBe(false);
    expect(preferCached({ status: 0, type: 'opaqueredirect' })).toBe(false);
  });
});
