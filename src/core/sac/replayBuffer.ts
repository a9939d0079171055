// Typed-array ring buffer of transitions (s, a, r, s', done) with seeded batch sampling and export/import.
import type { RewardSamples } from '../explorationData';
import { Rng } from '../rng';

/** A sampled minibatch in preallocated Float32 arrays (row-major). done is 1 for terminal transitions. */
export interface TransitionBatch {
  size: number;
  obs: Float32Array;
  action: Float32Array;
  reward: Float32Array;
  nextObs: Float32Array;
  done: Float32Array;
}

/** Plain-data form of a buffer's contents (oldest first), safe to postMessage or JSON-encode as arrays. */
export interface ReplayExport {
  obsDim: number;
  actDim: number;
  capacity: number;
  count: number;
  obs: Float32Array;
  action: Float32Array;
  reward: Float32Array;
  nextObs: Float32Array;
  done: Float32Array;
}

export function allocBatch(size: number, obsDim: number, actDim: number): TransitionBatch {
  return {
    size,
    obs: new Float32Array(size * obsDim),
    action: new Float32Array(size * actDim),
    reward: new Float32Array(size),
    nextObs: new Float32Array(size * obsDim),
    done: new Float32Array(size),
  };
}

export class ReplayBuffer {
  readonly obs: Float32Array;
  readonly action: Float32Array;
  readonly reward: Float32Array;
  readonly nextObs: Float32Array;
  readonly done: Float32Array;
  /** Next slot to write. */
  private head = 0;
  private filled = 0;
  private readonly rng: Rng;

  constructor(
    readonly capacity: number,
    readonly obsDim: number,
    readonly actDim: number,
    seed: number,
  ) {
    this.obs = new Float32Array(capacity * obsDim);
    this.action = new Float32Array(capacity * actDim);
    this.reward = new Float32Array(capacity);
    this.nextObs = new Float32Array(capacity * obsDim);
    this.done = new Float32Array(capacity);
    this.rng = new Rng(seed);
  }

  get size(): number {
    return this.filled;
  }

  add(
    obs: ArrayLike<number>,
    action: ArrayLike<number>,
    reward: number,
    nextObs: ArrayLike<number>,
    done: boolean,
  ): void {
    const i = this.head;
    const od = this.obsDim;
    const ad = this.actDim;
    for (let k = 0; k < od; k++) {
      this.obs[i * od + k] = obs[k];
      this.nextObs[i * od + k] = nextObs[k];
    }
    for (let k = 0; k < ad; k++) this.action[i * ad + k] = action[k];
    this.reward[i] = reward;
    this.done[i] = done ? 1 : 0;
    this.head = (i + 1) % this.capacity;
    this.filled = Math.min(this.filled + 1, this.capacity);
  }

  /** Fill `batch` with batch.size transitions drawn uniformly with replacement (seeded stream). */
  sample(batch: TransitionBatch): TransitionBatch {
    if (this.filled === 0) throw new Error('ReplayBuffer.sample: buffer is empty');
    const od = this.obsDim;
    const ad = this.actDim;
    for (let b = 0; b < batch.size; b++) {
      const i = this.rng.int(this.filled);
      batch.obs.set(this.obs.subarray(i * od, i * od + od), b * od);
      batch.nextObs.set(this.nextObs.subarray(i * od, i * od + od), b * od);
      batch.action.set(this.action.subarray(i * ad, i * ad + ad), b * ad);
      batch.reward[b] = this.reward[i];
      batch.done[b] = this.done[i];
    }
    return batch;
  }

  /** Slot index of the k-th oldest stored transition. */
  private slot(k: number): number {
    return this.filled < this.capacity ? k : (this.head + k) % this.capacity;
  }

  /** Copy of the contents, oldest first. */
  export(): ReplayExport {
    const n = this.filled;
    const od = this.obsDim;
    const ad = this.actDim;
    const out: ReplayExport = {
      obsDim: od,
      actDim: ad,
      capacity: this.capacity,
      count: n,
      obs: new Float32Array(n * od),
      action: new Float32Array(n * ad),
      reward: new Float32Array(n),
      nextObs: new Float32Array(n * od),
      done: new Float32Array(n),
    };
    for (let k = 0; k < n; k++) {
      const i = this.slot(k);
      out.obs.set(this.obs.subarray(i * od, i * od + od), k * od);
      out.nextObs.set(this.nextObs.subarray(i * od, i * od + od), k * od);
      out.action.set(this.action.subarray(i * ad, i * ad + ad), k * ad);
      out.reward[k] = this.reward[i];
      out.done[k] = this.done[i];
    }
    return out;
  }

  /** Rebuild a buffer from exported contents (keeps the newest `capacity` transitions). */
  static import(data: ReplayExport, seed: number, capacity = data.capacity): ReplayBuffer {
    const buf = new ReplayBuffer(capacity, data.obsDim, data.actDim, seed);
    const od = data.obsDim;
    const ad = data.actDim;
    for (let k = Math.max(0, data.count - capacity); k < data.count; k++) {
      buf.add(
        data.obs.subarray(k * od, k * od + od),
        data.action.subarray(k * ad, k * ad + ad),
        data.reward[k],
        data.nextObs.subarray(k * od, k * od + od),
        data.done[k] === 1,
      );
    }
    return buf;
  }

  /**
   * The stored rewards and where they were observed (the next states' first two obs dims), oldest
   * first, as RewardSamples for discovery.
   */
  rewardSamples(): RewardSamples {
    const n = this.filled;
    const od = this.obsDim;
    const points = new Float64Array(2 * n);
    const values = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const i = this.slot(k);
      points[2 * k] = this.nextObs[i * od];
      points[2 * k + 1] = this.nextObs[i * od + 1];
      values[k] = this.reward[i];
    }
    return { points, values, count: n };
  }
}
