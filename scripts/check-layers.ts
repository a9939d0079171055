// Builds the import graph of src/ and fails on an upward import between layers, an import cycle, or a file over 400 lines.
// Usage: npm run check:layers [-- --graph]   (--graph also prints the number of imports between each pair of layers)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX_LINES = 400;

// The layers, left to right: a file may import from its own layer and from the layers its entry lists.
// workers and state sit side by side (neither imports the other); cli may use workers' code for its benches.
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
  core: [],
  protocol: ['core'],
  workers: ['core', 'protocol'],
  state: ['core', 'protocol'],
  panels: ['core', 'protocol', 'state'],
  app: ['core', 'protocol', 'state', 'panels', 'workers'],
  cli: ['core', 'protocol', 'workers'],
};

const SOURCE = /\.(ts|tsx|mjs|js)$/;

function listFiles(dir: string): string[] {
  const out: string[] = [];
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

/** Static, value imports only (what a bundler puts in the importing chunk): no `import type`, no import(). */
const STATIC_VALUE_PATTERNS = [
  /^\s*(?:import|export)\s+(?!type\b)[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gms,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
];

/** The page's entry: what it imports statically is in the first screen's chunks. */
const PAGE_ENTRY = join('app', 'main.tsx');
/** Packages that must stay out of the first screen's chunks (tfjs is 1 MB; only the compute worker needs it). */
const NOT_ON_FIRST_SCREEN = /^@tensorflow\//;

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

export function importSpecifiers(text: string): string[] {
  const code = stripComments(text);
  const found = new Set<string>();
  for (const pattern of SPECIFIER_PATTERNS) {
    for (const match of code.matchAll(pattern)) found.add(match[1]);
  }
  return [...found];
}

function resolveRelative(fromFile: string, specifier: string): string | null {
  const bare = specifier.replace(/\?.*$/, '');
  const base = resolve(dirname(fromFile), bare);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  if (/\.js$/.test(bare)) candidates.push(base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'));
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

type Graph = Map<string, string[]>;

/** Every problem found, by kind; all lists empty means the tree passes. */
export interface LayerProblems {
  'files outside the known layers': string[];
  'unresolved relative imports': string[];
  'upward imports': string[];
  'import cycles': string[];
  'files over the line limit': string[];
  'tfjs on the first screen': string[];
}

/** The import graph of a source folder: file → the source files it imports (relative imports only). */
export function buildGraph(files: readonly string[], root: string): { edges: Graph; unresolved: string[] } {
  const edges: Graph = new Map();
  const unresolved: string[] = [];
  for (const file of files) {
    const targets: string[] = [];
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

function staticValueSpecifiers(text: string): string[] {
  const code = stripComments(text);
  return STATIC_VALUE_PATTERNS.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1]));
}

/**
 * Chains from the page's entry, through static value imports, to a file that imports a package kept off the first
 * screen (a dynamic import() or a worker URL ends a chain: those load later, in chunks of their own).
 */
function firstScreenPackages(srcDir: string, root: string): string[] {
  const entry = join(srcDir, PAGE_ENTRY);
  if (!existsSync(entry)) return [];
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  const found: string[] = [];
  const chain = (file: string): string[] => {
    const out: string[] = [];
    for (let f: string | null = file; f; f = parent.get(f) ?? null) out.unshift(relative(root, f));
    return out;
  };
  while (queue.length) {
    const file = queue.shift() as string;
    for (const spec of staticValueSpecifiers(readFileSync(file, 'utf8'))) {
      if (NOT_ON_FIRST_SCREEN.test(spec)) found.push(`${chain(file).join(' → ')} imports ${spec}`);
      if (!spec.startsWith('.')) continue;
      const target = resolveRelative(file, spec);
      if (target && SOURCE.test(target) && !parent.has(target)) {
        parent.set(target, file);
        queue.push(target);
      }
    }
  }
  return found;
}

function upwardImports(edges: Graph, layerOf: (f: string) => string, root: string): string[] {
  const bad: string[] = [];
  for (const [from, targets] of edges) {
    const fromLayer = layerOf(from);
    const allowed = LAYERS[fromLayer] ?? [];
    for (const to of targets) {
      const toLayer = layerOf(to);
      if (toLayer === fromLayer || allowed.includes(toLayer)) continue;
      bad.push(`${relative(root, from)} → ${relative(root, to)}  (${fromLayer} may not import ${toLayer})`);
    }
  }
  return bad;
}

/** Tarjan's strongly connected components: every component of two or more files (or a self-import) is a cycle. */
function importCycles(edges: Graph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, indices.get(w) as number));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component);
    }
  };
  for (const v of edges.keys()) if (!indices.has(v)) visit(v);
  return cycles;
}

function longFiles(files: readonly string[], root: string): string[] {
  return files
    .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES)
    .map(({ file, lines }) => `${relative(root, file)}: ${lines} lines (limit ${MAX_LINES})`);
}

/** Checks the source folder `srcDir` (its subfolders are the layers); paths in messages are relative to `root`. */
export function checkLayers(
  srcDir: string,
  root = dirname(srcDir),
): { problems: LayerProblems; graph: Graph } {
  const files = listFiles(srcDir);
  const layerOf = (file: string): string => relative(srcDir, file).split(/[\\/]/)[0];
  const { edges, unresolved } = buildGraph(files, root);
  const problems: LayerProblems = {
    'files outside the known layers': [...new Set(files.map(layerOf))]
      .filter((l) => !(l in LAYERS))
      .map((l) => relative(root, join(srcDir, l))),
    'unresolved relative imports': unresolved,
    'upward imports': upwardImports(edges, layerOf, root),
    'import cycles': importCycles(edges).map((c) =>
      c
        .map((f) => relative(root, f))
        .sort()
        .join(' ↔ '),
    ),
    'files over the line limit': longFiles(files, root),
    'tfjs on the first screen': firstScreenPackages(srcDir, root),
  };
  return { problems, graph: edges };
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const srcDir = join(root, 'src');
  const { problems, graph } = checkLayers(srcDir, root);
  const layerOf = (file: string): string => relative(srcDir, file).split(/[\\/]/)[0];
  if (process.argv.includes('--graph')) {
    const pairs = new Map<string, number>();
    for (const [from, targets] of graph) {
      for (const to of targets) {
        const key = `${layerOf(from)} → ${layerOf(to)}`;
        if (layerOf(from) !== layerOf(to)) pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
    for (const [key, n] of [...pairs].sort()) console.log(`${key}: ${n} imports`);
  }
  let failed = false;
  for (const [title, list] of Object.entries(problems) as [string, string[]][]) {
    if (list.length === 0) continue;
    failed = true;
    console.error(`\n${title} (${list.length}):`);
    for (const line of list) console.error(`  ${line}`);
  }
  const edgeCount = [...graph.values()].reduce((n, t) => n + t.length, 0);
  const summary = `${graph.size} files, ${edgeCount} imports`;
  if (failed) {
    console.error(
      `\ncheck:layers failed (${summary}). The layers: core ← protocol ← workers | state ← panels ← app; cli uses core, protocol, workers.`,
    );
    process.exit(1);
  }
  console.log(
    `check:layers: ok (${summary}; no upward import, no cycle, none over ${MAX_LINES} lines, no tfjs on the first screen)`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
