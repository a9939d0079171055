// Long plain-JS computations written as generators that yield at safe points: run straight through, or pausable.

/**
 * A computation that returns T and yields (nothing) between chunks of its work. Yielding changes no number it
 * computes: driven straight through (runToEnd) or with a hook awaited at every yield (runYielding), it runs the same
 * code in the same order, so the same seed gives the same result either way.
 */
export type Yielding<T> = Generator<void, T, void>;

/**
 * Awaited at every yield of a Yielding computation: hand the thread back (a worker then hears pause, step and cancel)
 * and wait while the run is paused. It may throw to abandon the computation (a cancelled job).
 */
export type YieldHook = () => Promise<void>;

/** Run to the end without ever handing the thread back (tests, benches, sync callers). */
export function runToEnd<T>(work: Yielding<T>): T {
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
  }
}

/** Run to the end, awaiting `hook` at every yield; without a hook, straight through (as runToEnd). */
export async function runYielding<T>(work: Yielding<T>, hook?: YieldHook): Promise<T> {
  if (!hook) return runToEnd(work);
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
    await hook();
  }
}

/** A pure value as a Yielding computation that never yields (a sync step in a chain of yielding ones). */
// biome-ignore lint/correctness/useYield: a computation with nothing to split still speaks the Yielding protocol.
export function* immediate<T>(value: T): Yielding<T> {
  return value;
}
