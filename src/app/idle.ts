// Work that waits for the page to be idle (and runs anyway after a limit, for a page that never idles).

/** Run `run` in the page's next idle period, or after `timeoutMs` at the latest. */
export function whenIdle(run: (deadline?: IdleDeadline) => void, timeoutMs = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: timeoutMs });
  else setTimeout(run, 0);
}
