// Lets a long training loop hand the thread back (a worker then sees cancel messages; Node its timers).
export const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));
