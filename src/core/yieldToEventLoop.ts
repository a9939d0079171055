// Lets a long training loop hand the thread back (a worker then sees cancel messages; Node its timers).

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

export const yieldToEventLoop = (): Promise<void> =>
  new Promise<void>((resolve) => {
    schedule ??= nextTask();
    schedule(resolve);
  });
