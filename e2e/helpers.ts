// Shared e2e helpers: watch a page for CSP violations, page errors and requests leaving the origin.
import type { Page } from '@playwright/test';

export interface PageWatch {
  cspViolations: string[];
  pageErrors: string[];
  foreignRequests: string[];
  consoleErrors: string[];
}

/** Start recording problems on `page`; `origin` is the only origin requests may go to. */
export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = { cspViolations: [], pageErrors: [], foreignRequests: [], consoleErrors: [] };
  page.on('console', (msg) => {
    const text = msg.text();
    if (/content security policy|refused to/i.test(text)) watch.cspViolations.push(text);
    if (msg.type() === 'error') watch.consoleErrors.push(text);
  });
  page.on('pageerror', (err) => watch.pageErrors.push(err.message));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) watch.foreignRequests.push(url);
  });
  return watch;
}
