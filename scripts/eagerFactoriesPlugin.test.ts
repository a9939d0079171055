// The eager-compile rewrite of Rolldown's CommonJS factories: what it changes, what it leaves, and that the code
// still means the same.
import { describe, expect, it } from 'vitest';
import { eagerFactories } from './eagerFactoriesPlugin';

const RUNTIME =
  'var __commonJSMin = (cb, mod) => () => (mod || (cb((mod = { exports: {} }).exports, mod, mod.exports), cb = null), mod.exports);\n';
const CHUNK = `${RUNTIME}var require_a = /* @__PURE__ */ __commonJSMin(((exports) => {
\texports.value = 41 + 1;
\texports.self = this;
}));
var require_b = /* @__PURE__ */ __commonJSMin(((exports, module) => {
\tmodule.exports = { a: require_a().value, lazy: () => 'arrow inside stays an arrow' };
}));
var require_c = /* @__PURE__ */ __commonJSMin((() => {
\tglobalThis.__c = (globalThis.__c ?? 0) + 1;
}));
`;

describe('eagerFactories', () => {
  it('turns each factory head into a parenthesized function and leaves everything else', () => {
    const { code, count, missed } = eagerFactories(CHUNK);
    const out = code.toString();
    expect(count).toBe(3);
    expect(missed).toBe(0);
    expect(out).toContain('__commonJSMin((function(exports) {');
    expect(out).toContain('__commonJSMin((function(exports, module) {');
    expect(out).toContain('__commonJSMin((function() {');
    expect(out).not.toMatch(/__commonJSMin\(\(\(/);
    // Only the heads changed: the rest, inner arrows included, is byte for byte the same.
    expect(out.replace(/\(function\(([^)]*)\) \{/g, '(($1) => {')).toBe(CHUNK);
  });

  it('the rewritten chunk behaves like the original (exports, `this`, run once)', () => {
    const run = (src: string) =>
      new Function(
        `"use strict";\n${src}\nreturn [require_b(), require_b(), require_a().self, globalThis.__c];`,
      )();
    const before = run(CHUNK);
    delete (globalThis as { __c?: number }).__c;
    const after = run(eagerFactories(CHUNK).code.toString());
    delete (globalThis as { __c?: number }).__c;
    expect(after[0].a).toBe(42);
    expect(after[1]).toBe(after[0]);
    expect(after[2]).toBeUndefined();
    expect([before[0].a, before[2]]).toEqual([after[0].a, after[2]]);
    expect(after[3]).toBe(before[3]);
  });

  it('counts wrapper calls it does not know, so that a bundler change is reported', () => {
    const other = `${RUNTIME}var require_d = __commonJSMin({ "d.js"(exports) { exports.d = 1; } });\n`;
    const { count, missed } = eagerFactories(other);
    expect(count).toBe(0);
    expect(missed).toBe(1);
  });
});
