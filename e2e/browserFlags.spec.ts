// The Chromium that tests and benchmarks launch: QUIET_BROWSER_FLAGS keep Playwright's own disabled features and stop
// the per-window omnibox popup renderer, which otherwise runs beside every page load (src/cli/chromium.ts).
import { execFileSync } from 'node:child_process';
import { type BrowserServer, chromium, expect, test } from '@playwright/test';
import { chromiumExecutable, OMNIBOX_POPUP_FEATURES, QUIET_BROWSER_FLAGS } from '../src/cli/chromium';

/** Command lines of the browser's descendants (Linux `ps`; renderers are children of Chromium's zygote). */
function descendantArgs(root: number): string[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
  const inTree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows)
      if (inTree.has(r.ppid) && !inTree.has(r.pid)) {
        inTree.add(r.pid);
        grew = true;
      }
  }
  return rows.filter((r) => r.pid !== root && inTree.has(r.pid)).map((r) => r.args);
}

/** Features named by one `--disable-features=` argument. */
const featureList = (arg: string): string[] =>
  arg.slice('--disable-features='.length).split(',').filter(Boolean);

/** Launch a browser server with `args`, open one page at about:blank, and hand its child processes to `check`. */
async function withBrowser(args: string[], check: (server: BrowserServer, children: string[]) => void) {
  const server = await chromium.launchServer({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', ...args],
  });
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    const page = await browser.newPage();
    await page.goto('about:blank');
    // The popup's renderer starts with the window; give it a moment to appear if it is going to.
    await page.waitForTimeout(1500);
    check(server, descendantArgs(server.process().pid ?? -1));
    await browser.close();
  } finally {
    await server.close();
  }
}

test.describe('launch flags', () => {
  test.beforeEach(() => test.skip(test.info().project.name !== 'webgpu', 'one project is enough'));

  test('our --disable-features keeps all of Playwright’s and adds the omnibox popup’s', async () => {
    await withBrowser(QUIET_BROWSER_FLAGS, (server) => {
      const lists = server
        .process()
        .spawnargs.filter((a) => a.startsWith('--disable-features='))
        .map(featureList);
      // Playwright's own flag comes first; Chromium reads only the last one, which is ours.
      expect(lists.length).toBeGreaterThanOrEqual(2);
      const ours = lists[lists.length - 1];
      for (const f of lists[0])
        expect(ours, `Playwright disables ${f}; QUIET_BROWSER_FLAGS must too`).toContain(f);
      for (const f of OMNIBOX_POPUP_FEATURES) expect(ours).toContain(f);
    });
  });

  test('with the flags no top-chrome WebUI renderer runs beside a page; without them one does', async () => {
    await withBrowser(QUIET_BROWSER_FLAGS, (_, children) => {
      expect(children.filter((a) => a.includes('--top-chrome-webui'))).toEqual([]);
      // The page's own renderer is there, so the process listing works.
      expect(children.some((a) => a.includes('--type=renderer'))).toBe(true);
    });
    await withBrowser([], (_, children) => {
      expect(
        children.some((a) => a.includes('--top-chrome-webui')),
        'Chromium no longer starts the omnibox popup renderer per window: OMNIBOX_POPUP_FEATURES may be unneeded',
      ).toBe(true);
    });
  });
});
