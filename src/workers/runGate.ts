// Play, pause, step and slow motion for training loops: the worker's yield gate (see core/yieldToEventLoop.ts).

/** What the reader asked for: paused or playing, and the speed (1 = as fast as the machine goes). */
export interface RunControl {
  paused: boolean;
  /** Fraction of the time spent working: 0.25 runs a quarter as fast (the loop rests between its yields). */
  speed: number;
}

/**
 * A step lets the loops run this many yields and pauses again: one chunk. Between two yields a loop does YIELD_EVERY
 * SAC updates or race steps, or one evaluation goal; the plain-JS stages (core/cooperative.ts) a few milliseconds of
 * work: 2,500 exploration transitions, ≈ 500 anchors of the reward's kernel frames, a block of rows of a reward
 * field's grid, ≈ 30k residual entries of a Levenberg–Marquardt fit (≈ 5 per-task iterations), or one coordinate of
 * the align search. So a step advances the hereditary fit by ≈ 25 ms of its ≈ 1 s (10 of its ≈ 320 yields at the
 * quick budget).
 */
export const STEP_YIELDS = 10;
export const SPEEDS = [1, 0.5, 0.25, 0.1] as const;

type Clock = () => number;
type Sleep = (ms: number) => Promise<void>;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Decides, at each yield of a training loop, whether it goes on (null) or waits (a promise, after which the loop asks
 * again). Waiting changes no number a run computes, only when it is computed.
 */
export class RunGate {
  private control: RunControl = { paused: false, speed: 1 };
  private stepYields = 0;
  private waiters: (() => void)[] = [];
  /** Held for the page (a drag) until this time. */
  private heldUntil = 0;
  /** Start of the current stretch of work, for slow motion. */
  private workSince: number | null = null;
  private rested = false;

  constructor(
    private readonly now: Clock = () => performance.now(),
    private readonly sleep: Sleep = realSleep,
  ) {}

  set(control: RunControl): void {
    this.control = { paused: control.paused, speed: Math.min(1, Math.max(0.01, control.speed)) };
    if (!control.paused) this.stepYields = 0;
    this.wake();
  }

  /** Run one chunk (STEP_YIELDS yields) and pause again. */
  step(yields = STEP_YIELDS): void {
    this.control = { ...this.control, paused: true };
    this.stepYields += yields;
    this.wake();
  }

  /** Hold every loop for `ms` (the page is being dragged); a later call extends it. */
  hold(ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, this.now() + ms);
  }

  /** Let every waiting loop ask again (a job was cancelled: it must see its flag). */
  wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }

  /** The yield gate: null = go on; a promise = wait for it, then ask again. */
  gate(cancelPending: () => boolean = () => false): Promise<void> | null {
    if (cancelPending()) return null;
    const t = this.now();
    if (this.heldUntil > t) return this.sleep(this.heldUntil - t);
    if (this.control.paused) {
      if (this.stepYields > 0) {
        this.stepYields--;
        this.workSince = t;
        return null;
      }
      this.workSince = null;
      return new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    if (this.control.speed < 1 && this.workSince !== null && !this.rested) {
      // Rest (1/speed − 1) times as long as the stretch of work since the last yield.
      const worked = t - this.workSince;
      this.rested = true;
      return this.sleep(worked * (1 / this.control.speed - 1));
    }
    this.rested = false;
    this.workSince = t;
    return null;
  }
}
