// Tests of the layer check on small made-up trees: each kind of violation is caught, a clean tree passes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers, importSpecifiers } from './check-layers';

let roots: string[] = [];

/** A throwaway src/ tree from path → text. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'src', path)), { recursive: true });
    writeFileSync(join(root, 'src', path), text);
  }
  return join(root, 'src');
}

afterEach(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
  roots = [];
});

const clean = {
  'core/env.ts': 'export const x = 1;\n',
  'protocol/messages.ts': "import type { x } from '../core/env';\nexport type M = typeof x;\n",
  'workers/compute.worker.ts': "import type { M } from '../protocol/messages';\nexport const w: M = 1;\n",
  'state/store.ts': "import { x } from '../core/env';\nexport const s = x;\n",
  'panels/panel.ts': "import { s } from '../state/store';\nexport const p = s;\n",
  'app/main.tsx':
    "import { p } from '../panels/panel';\nimport './app.css';\nnew Worker(new URL('../workers/compute.worker.ts', import.meta.url));\nexport const a = p;\n",
  'app/app.css': 'body { margin: 0; }\n',
  'cli/run.ts': "import { x } from '../core/env';\nconsole.log(x);\n",
};

describe('checkLayers', () => {
  it('catches tfjs reached from the page entry by static imports, and names the chain', () => {
    const { problems } = checkLayers(
      tree({
        ...clean,
        'core/heavy.ts': "import * as tf from '@tensorflow/tfjs';\nexport const h = tf;\n",
        'core/light.ts': "import { h } from './heavy';\nexport const l = h;\n",
        'state/store.ts':
          "import { x } from '../core/env';\nimport { l } from '../core/light';\nexport const s = [x, l];\n",
      }),
    );
    expect(problems['tfjs on the first screen']).toEqual([
      'src/app/main.tsx → src/panels/panel.ts → src/state/store.ts → src/core/light.ts → src/core/heavy.ts imports @tensorflow/tfjs',
    ]);
  });

  it('lets tfjs load later: behind import(), a worker URL or a type-only import', () => {
    const { problems } = checkLayers(
      tree({
        ...clean,
        'core/heavy.ts': "import * as tf from '@tensorflow/tfjs';\nexport type H = typeof tf;\n",
        'workers/compute.worker.ts': "import { x } from '../core/heavy';\nexport const w = x;\n",
        'state/store.ts':
          "import { x } from '../core/env';\nimport type { H } from '../core/heavy';\nexport const s = x;\nexport const later = () => import('../core/heavy');\nexport type T = H;\n",
      }),
    );
    expect(problems['tfjs on the first screen']).toEqual([]);
  });

  it('passes a tree whose imports all point left', () => {
    const { problems, graph } = checkLayers(tree(clean));
    expect(Object.values(problems).flat()).toEqual([]);
    expect([...graph.values()].flat()).toHaveLength(7);
  });

  it('catches an upward import, a type-only one included, and names both layers', () => {
    const { problems } = checkLayers(
      tree({
        ...clean,
        'protocol/agents.ts': "import type { s } from '../state/store';\nexport type A = typeof s;\n",
        'workers/agents.worker.ts': "import {\n  a,\n} from '../app/main';\nexport const b = a;\n",
        'core/bad.ts': "export { p } from '../panels/panel';\n",
      }),
    );
    expect(problems['upward imports']).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/protocol\/agents\.ts → src\/state\/store\.ts .*protocol may not import state/),
        expect.stringMatching(
          /workers\/agents\.worker\.ts → src\/app\/main\.tsx .*workers may not import app/,
        ),
        expect.stringMatching(/core\/bad\.ts → src\/panels\/panel\.ts .*core may not import panels/),
      ]),
    );
    expect(problems['upward imports']).toHaveLength(3);
  });

  it('keeps workers and state apart', () => {
    const { problems } = checkLayers(
      tree({
        ...clean,
        'workers/scheduler.ts': "import type { s } from '../state/store';\nexport const t = s;\n",
      }),
    );
    expect(problems['upward imports']).toEqual([expect.stringMatching(/workers may not import state/)]);
  });

  it('catches a cycle inside one layer', () => {
    const { problems } = checkLayers(
      tree({
        ...clean,
        'workers/a.ts': "import { b } from './b';\nexport const a = b;\n",
        'workers/b.ts': "import { c } from './c';\nexport const b = 1;\n",
        'workers/c.ts': "import { a } from './a';\nexport const c = a;\n",
      }),
    );
    expect(problems['import cycles']).toEqual(['src/workers/a.ts ↔ src/workers/b.ts ↔ src/workers/c.ts']);
  });

  it('catches a file over 400 lines, a stray folder and an import that resolves to nothing', () => {
    const { problems } = checkLayers(
      tree({
        ...clean,
        'panels/big.ts': 'export const n = 1;\n'.repeat(401),
        'panels/fits.ts': 'export const n = 1;\n'.repeat(400),
        'misc/x.ts': 'export {};\n',
        'app/lost.ts': "import { gone } from './nowhere';\nexport const l = gone;\n",
      }),
    );
    expect(problems['files over the line limit']).toEqual(['src/panels/big.ts: 401 lines (limit 400)']);
    expect(problems['files outside the known layers']).toEqual(['src/misc']);
    expect(problems['unresolved relative imports']).toEqual(['src/app/lost.ts → ./nowhere']);
  });
});

describe('importSpecifiers', () => {
  it('reads static, re-export, side-effect, dynamic and worker-URL imports, and skips comments', () => {
    const text = [
      "import a from './a';",
      "import type {\n  B,\n  C,\n} from '../b';",
      "export * from './c';",
      "import './d.css';",
      "const e = await import('./e');",
      "new Worker(new URL('./f.worker.ts', import.meta.url), { type: 'module' });",
      "// import g from './g';",
      "/* import h from './h'; */",
      "const url = 'http://example.org/x'; // from './i'",
    ].join('\n');
    expect(importSpecifiers(text).sort()).toEqual(['../b', './a', './c', './d.css', './e', './f.worker.ts']);
  });
});
