// The build's precache list: what goes in, how it is split, and a version that follows every byte.
import { describe, expect, it } from 'vitest';
import { type BuiltFile, precacheManifest } from './precachePlugin';

const BUILD: BuiltFile[] = [
  { path: 'index.html', bytes: '<!doctype html>', hashed: false },
  { path: 'assets/index-AbC.js', bytes: 'console.log(1)', hashed: true },
  { path: 'assets/index-AbC.js.map', bytes: '{}', hashed: true },
  { path: 'assets/tfjs-backend-wasm-XyZ.wasm', bytes: new Uint8Array([0, 97, 115, 109]), hashed: true },
  { path: 'sw.js', bytes: 'self.x=1', hashed: false },
  { path: 'pretrained/default.json', bytes: '{"a":1}', hashed: false },
];

describe('precacheManifest', () => {
  it('lists hashed and fresh files, index.html as the scope, without source maps or sw.js', () => {
    const m = precacheManifest(BUILD);
    expect(m.hashed).toEqual(['assets/index-AbC.js', 'assets/tfjs-backend-wasm-XyZ.wasm']);
    expect(m.fresh).toEqual(['./', 'pretrained/default.json']);
    expect(m.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('the version changes with any precached byte and not with the order or the excluded files', () => {
    const base = precacheManifest(BUILD).version;
    expect(precacheManifest([...BUILD].reverse()).version).toBe(base);
    const changed = BUILD.map((f) => (f.path === 'pretrained/default.json' ? { ...f, bytes: '{"a":2}' } : f));
    expect(precacheManifest(changed).version).not.toBe(base);
    const swOnly = BUILD.map((f) => (f.path === 'sw.js' ? { ...f, bytes: 'self.x=2' } : f));
    expect(precacheManifest(swOnly).version).toBe(base);
  });
});
