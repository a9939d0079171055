// The fused SAC learner's state in one Float32 heap: layout, nets, optimizer blocks, buffers, import/export.
import type { Rng } from '../rng';
import { AdamFloat32 } from './adamFloat32';
import { createDenseKernels, type DenseKernels, type KernelKind } from './denseKernels';
import {
  type DenseWorkspace,
  forwardRow,
  HeapLayout,
  type MlpShape,
  mlpShape,
  readMlp,
  refreshTransposes,
  writeMlp,
} from './fusedMlp';
import type { MlpWeights } from './mlp';
import { actorMeanHead, initialSacWeights, resolveSacConfig, type SacConfig, type SacSnapshot } from './sac';

/** Heap offsets that depend on the batch size (rebuilt when a larger batch arrives). */
export interface BatchBuffers {
  rows: number;
  obs: number;
  nextObs: number;
  /** Critic input rows (s, a) of width obsDim + actDim. */
  criticIn: number;
  actor: DenseWorkspace;
  critic: [DenseWorkspace, DenseWorkspace];
}

export interface FusedSacOptions {
  /** Kernels: WebAssembly SIMD where available (default), or plain JS. */
  kernels?: KernelKind;
}

/**
 * Heap layout: [constants | actor | critic 1, critic 2 | target 1, target 2 | gradients | transposes | log α |
 * Adam moments] — the part that persists — then the batch buffers, which depend on the batch size.
 */
export abstract class FusedSacHeap {
  readonly config: SacConfig;
  protected readonly actorShape: MlpShape;
  protected readonly criticShape: MlpShape;
  /** Offsets of the parameter blocks (critics and targets: two consecutive blocks each), gradients, transposes. */
  protected readonly at: {
    actor: number;
    critics: number;
    targets: number;
    actorGrad: number;
    criticGrads: number;
    actorT: number;
    criticT: number;
    /** log α and its gradient (4 floats each; only the first is used). */
    logAlpha: number;
    alphaGrad: number;
    end: number;
  };
  protected kern: DenseKernels;
  protected buf: BatchBuffers;
  protected readonly actorOpt: AdamFloat32;
  protected readonly criticOpt: AdamFloat32;
  protected readonly alphaOpt: AdamFloat32;
  protected readonly noiseSeed: number;
  protected abstract readonly noiseRng: Rng;
  // Per-row scratch in plain JS: log π, targets y, and the actor pass's u, a, σ, raw log σ.
  protected scratch = { logProb: new Float64Array(0), y: new Float64Array(0), u: new Float64Array(0) };
  protected actorCache = { a: new Float64Array(0), std: new Float64Array(0), raw: new Float64Array(0) };
  private readonly rowScratch: [Float64Array, Float64Array];

  constructor(
    config: Partial<SacConfig> & Pick<SacConfig, 'obsDim' | 'seed'>,
    options: FusedSacOptions = {},
  ) {
    const c = resolveSacConfig(config);
    this.config = c;
    const hidden = Array(c.hiddenLayers).fill(c.hidden);
    this.actorShape = mlpShape([c.obsDim, ...hidden, 2 * c.actDim]);
    this.criticShape = mlpShape([c.obsDim + c.actDim, ...hidden, 1]);
    const lay = new HeapLayout();
    const a = this.actorShape;
    const q = this.criticShape;
    this.at = {
      actor: lay.alloc(a.size),
      critics: lay.alloc(2 * q.size),
      targets: lay.alloc(2 * q.size),
      actorGrad: lay.alloc(a.size),
      criticGrads: lay.alloc(2 * q.size),
      actorT: lay.alloc(a.transposeSize),
      criticT: lay.alloc(2 * q.transposeSize),
      logAlpha: lay.alloc(4),
      alphaGrad: lay.alloc(4),
      end: 0,
    };
    const adamBlock = (params: number, grads: number, size: number) => ({
      params,
      grads,
      size,
      m: lay.alloc(size),
      v: lay.alloc(size),
    });
    this.actorOpt = new AdamFloat32(c.lrActor, adamBlock(this.at.actor, this.at.actorGrad, a.size));
    this.criticOpt = new AdamFloat32(c.lrCritic, adamBlock(this.at.critics, this.at.criticGrads, 2 * q.size));
    this.alphaOpt = new AdamFloat32(c.lrAlpha, adamBlock(this.at.logAlpha, this.at.alphaGrad, 4));
    this.at.end = lay.size;
    const rows = 256;
    const sized = this.layoutBatch(rows);
    this.kern = createDenseKernels(sized.size, options.kernels);
    this.buf = sized.buffers;
    this.allocRowScratch(rows);
    const init = initialSacWeights(c);
    const h = this.kern.heap;
    writeMlp(h, a, this.at.actor, init.actor);
    for (const k of [0, 1]) {
      writeMlp(h, q, this.criticAt(k), init.critics[k]);
      writeMlp(h, q, this.targetAt(k), init.critics[k]);
    }
    this.refreshAllTransposes();
    h[this.at.logAlpha] = Math.log(c.initAlpha);
    this.noiseSeed = init.noiseSeed;
    const widest = Math.max(...a.layers.map((l) => l.n));
    this.rowScratch = [new Float64Array(widest), new Float64Array(widest)];
  }

  /** 'wasm-simd' or 'js': which kernels this learner runs on. */
  get kernelKind(): KernelKind {
    return this.kern.kind;
  }

  protected criticAt = (k: number) => this.at.critics + k * this.criticShape.size;
  protected targetAt = (k: number) => this.at.targets + k * this.criticShape.size;
  protected criticTAt = (k: number) => this.at.criticT + k * this.criticShape.transposeSize;

  protected layoutBatch(rows: number): { size: number; buffers: BatchBuffers } {
    const lay = new HeapLayout();
    lay.size = this.at.end;
    const c = this.config;
    const buffers: BatchBuffers = {
      rows,
      obs: lay.alloc(rows * c.obsDim),
      nextObs: lay.alloc(rows * c.obsDim),
      criticIn: lay.alloc(rows * (c.obsDim + c.actDim)),
      actor: lay.workspace(this.actorShape, rows),
      critic: [lay.workspace(this.criticShape, rows), lay.workspace(this.criticShape, rows)],
    };
    return { size: lay.size, buffers };
  }

  protected allocRowScratch(rows: number): void {
    const n = rows * this.config.actDim;
    this.scratch = { logProb: new Float64Array(rows), y: new Float64Array(rows), u: new Float64Array(n) };
    this.actorCache = { a: new Float64Array(n), std: new Float64Array(n), raw: new Float64Array(n) };
  }

  /** Grow the batch buffers (new heap; parameters copied) when a batch is larger than any before. */
  protected ensureRows(rows: number): void {
    if (rows <= this.buf.rows) return;
    const sized = this.layoutBatch(rows);
    const kern = createDenseKernels(sized.size, this.kern.kind);
    kern.heap.set(this.kern.heap.subarray(0, this.at.end));
    this.kern = kern;
    this.buf = sized.buffers;
    this.allocRowScratch(rows);
  }

  protected refreshAllTransposes(): void {
    const h = this.kern.heap;
    refreshTransposes(h, this.actorShape, this.at.actor, this.at.actorT, 1);
    for (const k of [0, 1]) refreshTransposes(h, this.criticShape, this.criticAt(k), this.criticTAt(k));
  }

  /** Actor outputs (μ, raw log σ) of one observation row in plain JS. */
  protected actorRow(obs: Float32Array, r: number): Float64Array {
    const O = this.config.obsDim;
    return forwardRow(
      this.kern.heap,
      this.actorShape,
      this.at.actor,
      obs.subarray(r * O, r * O + O),
      this.rowScratch,
    );
  }

  exportActor(): MlpWeights {
    return actorMeanHead(readMlp(this.kern.heap, this.actorShape, this.at.actor), this.config.actDim);
  }

  exportAll(): SacSnapshot {
    const h = this.kern.heap;
    const q = this.criticShape;
    return {
      config: { ...this.config },
      actor: readMlp(h, this.actorShape, this.at.actor),
      critics: [readMlp(h, q, this.criticAt(0)), readMlp(h, q, this.criticAt(1))],
      targetCritics: [readMlp(h, q, this.targetAt(0)), readMlp(h, q, this.targetAt(1))],
      logAlpha: h[this.at.logAlpha],
    };
  }

  /** Load nets and α (the optimizers' moments are kept, as in the tfjs path). */
  importAll(s: SacSnapshot): void {
    const h = this.kern.heap;
    writeMlp(h, this.actorShape, this.at.actor, s.actor);
    for (const k of [0, 1]) {
      writeMlp(h, this.criticShape, this.criticAt(k), s.critics[k]);
      writeMlp(h, this.criticShape, this.targetAt(k), s.targetCritics[k]);
    }
    h[this.at.logAlpha] = s.logAlpha;
    this.refreshAllTransposes();
  }
}
