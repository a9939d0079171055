#!/usr/bin/env node
// Builds the import graph of src/ and fails on an upward import between layers, an import cycle, or a file over 400 lines.
// Usage: node scripts/check-layers.mjs [--graph]   (--graph also prints every cross-folder edge)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'src');
const MAX_LINES = 400;

// The layers, left to right: a file may import from its own layer and from the layers its entry lists.
// workers and state sit side by side (neither imports the other); cli may use workers' code for its benches.
export const LAYERS = {
  core: [],
  protocol: ['core'],
  workers: ['core', 'protocol'],
  state: ['core', 'protocol'],
  panels: ['core', 'protocol', 'state'],
  app: ['core', 'protocol', 'state', 'panels', 'workers'],
  cli: ['core', 'protocol', 'workers'],
};

const SOURCE = /\.(ts|tsx|mjs|js)$/;

function listFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else if (SOURCE.test(name)) out.push(path);
  }
  return out;
}

// Module specifiers of static imports/exports, dynamic imports and `new URL('…', import.meta.url)` worker references.
const SPECIFIER_PATTERNS = [
  /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gms,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
];

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

export function importSpecifiers(text) {
  const code = stripComments(text);
  const found = new Set();
  for (const pattern of SPECIFIER_PATTERNS) {
    for (const match of code.matchAll(pattern)) found.add(match[1]);
  }
  return [...found];
}

function resolveRelative(fromFile, specifier) {
  const bare = specifier.replace(/\?.*$/, '');
  const base = resolve(dirname(fromFile), bare);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  if (/\.js$/.test(bare)) candidates.push(base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'));
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

const layerOf = (file) => relative(srcDir, file).split(/[\\/]/)[0];

export function buildGraph(files) {
  const edges = new Map();
  const unresolved = [];
  for (const file of files) {
    const targets = [];
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolveRelative(file, spec);
      if (target === null) unresolved.push(`${relative(root, file)} → ${spec}`);
      else if (SOURCE.test(target)) targets.push(target);
    }
    edges.set(file, targets);
  }
  return { edges, unresolved };
}

export function upwardImports(edges) {
  const bad = [];
  for (const [from, targets] of edges) {
    const fromLayer = layerOf(from);
    const allowed = LAYERS[fromLayer];
    for (const to of targets) {
      const toLayer = layerOf(to);
      if (toLayer === fromLayer) continue;
      if (!allowed?.includes(toLayer)) {
        bad.push(`${relative(root, from)} → ${relative(root, to)}  (${fromLayer} may not import ${toLayer})`);
      }
    }
  }
  return bad;
}

// Tarjan's strongly connected components; every component with more than one file (or a self-import) is a cycle.
export function importCycles(edges) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (v) => {
    indices.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
    }
    if (low.get(v) === indices.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component);
    }
  };
  for (const v of edges.keys()) if (!indices.has(v)) visit(v);
  return cycles.map((c) => c.map((f) => relative(root, f)).sort());
}

export function longFiles(files) {
  return files
    .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES)
    .map(({ file, lines }) => `${relative(root, file)}: ${lines} lines (limit ${MAX_LINES})`);
}

function main() {
  const files = listFiles(srcDir);
  const unknown = [...new Set(files.map(layerOf))].filter((l) => !(l in LAYERS));
  const { edges, unresolved } = buildGraph(files);
  const problems = {
    'files outside the known layers': unknown.map((l) => `src/${l}/`),
    'unresolved relative imports': unresolved,
    'upward imports': upwardImports(edges),
    'import cycles': importCycles(edges).map((c) => c.join(' ↔ ')),
    'files over the line limit': longFiles(files),
  };
  if (process.argv.includes('--graph')) {
    const pairs = new Map();
    for (const [from, targets] of edges) {
      for (const to of targets) {
        const key = `${layerOf(from)} → ${layerOf(to)}`;
        if (layerOf(from) !== layerOf(to)) pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
    for (const [key, n] of [...pairs].sort()) console.log(`${key}: ${n} imports`);
  }
  let failed = false;
  for (const [title, list] of Object.entries(problems)) {
    if (list.length === 0) continue;
    failed = true;
    console.error(`\n${title} (${list.length}):`);
    for (const line of list) console.error(`  ${line}`);
  }
  const edgeCount = [...edges.values()].reduce((n, t) => n + t.length, 0);
  const order = Object.keys(LAYERS).join(' ← ');
  if (failed) {
    console.error(`\ncheck:layers failed (${files.length} files, ${edgeCount} imports; layers ${order})`);
    process.exit(1);
  }
  console.log(`check:layers: ok (${files.length} files, ${edgeCount} imports, no upward import, no cycle, none over ${MAX_LINES} lines)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
