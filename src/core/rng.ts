// Seeded pseudo-random numbers (sfc32 + Box–Muller): the one generator type used everywhere in core.

/** Hash a string/number seed into four 32-bit words (splitmix32). */
export function seedWords(seed: number): [number, number, number, number] {
  let x = (seed >>> 0) ^ 0x9e3779b9;
  const out: number[] = [];
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    out.push((z ^ (z >>> 16)) >>> 0);
  }
  return out as [number, number, number, number];
}

/** A small, fast, seedable PRNG. Same seed ⇒ same stream in Node and in every browser. */
export class Rng {
  /** sfc32's four words (a typed array: no boxed numbers, so a draw allocates nothing). */
  private readonly w = new Uint32Array(4);
  /** Box–Muller's second value, kept for the next call. */
  private spare = 0;
  private hasSpare = false;

  constructor(readonly seed: number) {
    this.w.set(seedWords(seed));
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const w = this.w;
    const a = w[0];
    const b = w[1];
    const c = w[2];
    const d = w[3];
    const t = (((a + b) >>> 0) + d) >>> 0;
    w[3] = d + 1;
    w[0] = b ^ (b >>> 9);
    w[1] = c + (c << 3);
    w[2] = ((c << 21) | (c >>> 11)) + t;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal (Box–Muller, caching the second value). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u = 0;
    while (u <= 1e-12) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  }

  /** A child generator whose stream is independent of later draws from this one. */
  fork(label: number): Rng {
    return new Rng((this.nextUint32() ^ Math.imul(label + 1, 0x27d4eb2d)) >>> 0);
  }

  /** Fisher–Yates shuffle of 0..n-1. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
