// Build plugin: the CommonJS packages of the page (React, React DOM, the scheduler) are compiled by V8 while their
// chunk streams in, instead of on the main thread when the page first calls them.
//
// Rolldown wraps each CommonJS module in a factory, `__commonJSMin(((exports, module) => { … }))`, called the first
// time the module is required. V8 compiles a function only when it is first called, unless a hint marks it as
// called on load; in Chromium 156 the parenthesized arrow above does not get the eager compile that a
// parenthesized `function` expression gets (measured: React DOM's factory took 108 ms of the main thread at start-up
// as an arrow, 59 ms as a function, because its compile moved to the background streaming compile). The rewrite
// keeps the closing `}))` and changes only the head, and it is safe here: the factory is called without a receiver
// in strict (module) code, so `this` is undefined either way, and a CommonJS module that named `arguments` at its
// top level would have thrown before.
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/** Rolldown's wrapper call with a parenthesized arrow factory: `__commonJSMin(((exports, module) => {`. */
const FACTORY_HEAD = /__commonJSMin\(\(\(([\w$]+(?:,\s*[\w$]+)*)?\) => \{/g;

/** Calls of the wrapper in any form (its definition, `var __commonJSMin = (cb, mod) =>`, is not a call). */
const WRAPPER_CALL = /__commonJSMin\(/g;

/**
 * `code` with every CommonJS factory head turned into a parenthesized function expression; `count` of them, and
 * `missed`: wrapper calls in a form the rewrite does not know (a bundler update would show up here).
 */
export function eagerFactories(code: string): { code: MagicString; count: number; missed: number } {
  const s = new MagicString(code);
  let count = 0;
  for (const m of code.matchAll(FACTORY_HEAD)) {
    s.overwrite(m.index, m.index + m[0].length, `__commonJSMin((function(${m[1] ?? ''}) {`);
    count++;
  }
  return { code: s, count, missed: [...code.matchAll(WRAPPER_CALL)].length - count };
}

/** The plugin (build only; the chunk is rewritten before it is minified, with its source map kept in step). */
export function eagerCommonJsFactories(): Plugin {
  return {
    name: 'hereditary-eager-commonjs-factories',
    apply: 'build',
    renderChunk(code, chunk) {
      const { code: s, count, missed } = eagerFactories(code);
      if (missed > 0)
        this.warn(`${chunk.fileName}: ${missed} CommonJS factories in an unknown form stay lazily compiled`);
      if (count === 0) return null;
      return { code: s.toString(), map: s.generateMap({ hires: 'boundary' }) };
    },
  };
}
