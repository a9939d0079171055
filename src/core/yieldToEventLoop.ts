// Lets a long training loop hand the thread back (a worker then sees cancel messages; Node its timers), and wait
// while the host asks for the cores (the page is being dragged).

/**
 * A macrotask without setTimeout's clamp: nested timeouts wait ≥ 4 ms each in browsers (workers too), which over a
 * run's hundreds of yields adds up to a second. Node has setImmediate; a browser gets a MessageChannel round trip.
 */
function nextTask(): (resolve: () => void) => void {
  if (typeof setImmediate === 'function') return (resolve) => setImmediate(resolve);
  if (typeof MessageChannel === 'undefined') return (resolve) => setTimeout(resolve, 0);
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return (resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  };
}

let schedule: ((resolve: () => void) => void) | null = null;
let gate: (() => Promise<void> | null) | null = null;

/** Training loops yield this often (updates or steps): a few milliseconds of work each with the fused kernels. */
export const YIELD_EVERY = 10;

/**
 * While `g` hands back a promise, every yield waits for it (and asks again): the compute worker installs one that
 * holds training while the page is being dragged. Waiting changes no number a run computes, only when.
 */
export function setYieldGate(g: (() => Promise<void> | null) | null): void {
  gate = g;
}

export async function yieldToEventLoop(): Promise<void> {
  await new Promise<void>((resolve) => {
    schedule ??= nextTask();
    schedule(resolve);
  });
  for (let wait = gate?.(); wait; wait = gate?.()) await wait;
}
