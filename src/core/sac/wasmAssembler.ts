// A minimal WebAssembly binary writer: only the i32 / f32 / SIMD-v128 instructions the fused SAC kernels use.

/*
 * Why hand-assembled: plain JS tops out near 2 G multiply-adds/s on these tiny matmuls (no SIMD), which
 * caps one SAC update near 9 ms; 4-wide f32 SIMD in WebAssembly is several times faster. Building the
 * module from TypeScript at load time needs no toolchain, no binary blob and no async fetch.
 * Encodings: WebAssembly core spec §5 (binary format) and the SIMD proposal's opcode table (0xfd prefix).
 */

export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof F32 | typeof V128;

function uleb(n: number, out: number[]): void {
  let v = n >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v !== 0 ? byte | 0x80 : byte);
  } while (v !== 0);
}

function sleb(n: number, out: number[]): void {
  let v = n | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return;
  }
}

/** One function body's instruction stream, written with chained calls (stack machine order). */
export class Asm {
  readonly bytes: number[] = [];

  private op(...b: number[]): this {
    for (const x of b) this.bytes.push(x);
    return this;
  }

  private simd(code: number): this {
    this.bytes.push(0xfd);
    uleb(code, this.bytes);
    return this;
  }

  private memarg(align: number, offset: number): this {
    uleb(align, this.bytes);
    uleb(offset, this.bytes);
    return this;
  }

  get(local: number): this {
    this.bytes.push(0x20);
    uleb(local, this.bytes);
    return this;
  }
  set(local: number): this {
    this.bytes.push(0x21);
    uleb(local, this.bytes);
    return this;
  }
  tee(local: number): this {
    this.bytes.push(0x22);
    uleb(local, this.bytes);
    return this;
  }
  i32(value: number): this {
    this.bytes.push(0x41);
    sleb(value, this.bytes);
    return this;
  }
  add(): this {
    return this.op(0x6a);
  }
  sub(): this {
    return this.op(0x6b);
  }
  mul(): this {
    return this.op(0x6c);
  }
  shl(): this {
    return this.op(0x74);
  }
  eqz(): this {
    return this.op(0x45);
  }
  ne(): this {
    return this.op(0x47);
  }
  ltS(): this {
    return this.op(0x48);
  }
  gtS(): this {
    return this.op(0x4a);
  }

  /** local += value (i32). */
  addTo(local: number, valueLocal: number): this {
    return this.get(local).get(valueLocal).add().set(local);
  }
  addConst(local: number, value: number): this {
    return this.get(local).i32(value).add().set(local);
  }

  v128Load(offset = 0): this {
    return this.simd(0x00).memarg(4, offset);
  }
  v128Store(offset = 0): this {
    return this.simd(0x0b).memarg(4, offset);
  }
  /** Load one f32 and broadcast it to the 4 lanes. */
  load32Splat(offset = 0): this {
    return this.simd(0x09).memarg(2, offset);
  }
  v128Zero(): this {
    this.simd(0x0c);
    for (let i = 0; i < 16; i++) this.bytes.push(0);
    return this;
  }
  f32x4Splat(): this {
    return this.simd(0x13);
  }
  f32x4Add(): this {
    return this.simd(0xe4);
  }
  f32x4Sub(): this {
    return this.simd(0xe5);
  }
  f32x4Mul(): this {
    return this.simd(0xe6);
  }
  f32x4Div(): this {
    return this.simd(0xe7);
  }
  f32x4Sqrt(): this {
    return this.simd(0xe3);
  }
  f32x4Max(): this {
    return this.simd(0xe9);
  }
  f32x4Gt(): this {
    return this.simd(0x44);
  }
  v128And(): this {
    return this.simd(0x4e);
  }

  private structured(opcode: number, body: (a: this) => void): this {
    this.op(opcode, 0x40);
    body(this);
    return this.op(0x0b);
  }
  block(body: (a: this) => void): this {
    return this.structured(0x02, body);
  }
  loop(body: (a: this) => void): this {
    return this.structured(0x03, body);
  }
  /** if (pop ≠ 0) body. */
  when(body: (a: this) => void): this {
    return this.structured(0x04, body);
  }
  br(depth: number): this {
    this.bytes.push(0x0c);
    uleb(depth, this.bytes);
    return this;
  }
  brIf(depth: number): this {
    this.bytes.push(0x0d);
    uleb(depth, this.bytes);
    return this;
  }
}

export interface WasmFunction {
  name: string;
  params: ValType[];
  locals: ValType[];
  body: Asm;
}

function section(id: number, content: number[], out: number[]): void {
  out.push(id);
  uleb(content.length, out);
  for (const b of content) out.push(b);
}

function name(s: string, out: number[]): void {
  uleb(s.length, out);
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
}

/** A module that imports `env.memory` and exports the given functions (no results: they write to memory). */
export function wasmModule(fns: readonly WasmFunction[]): Uint8Array<ArrayBuffer> {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types: number[] = [];
  uleb(fns.length, types);
  for (const f of fns) {
    types.push(0x60);
    uleb(f.params.length, types);
    for (const p of f.params) types.push(p);
    types.push(0x00);
  }
  section(1, types, out);
  const imports: number[] = [1];
  name('env', imports);
  name('memory', imports);
  imports.push(0x02, 0x00, 0x01); // memory, no maximum, at least one page
  section(2, imports, out);
  const funcs: number[] = [];
  uleb(fns.length, funcs);
  for (let i = 0; i < fns.length; i++) uleb(i, funcs);
  section(3, funcs, out);
  const exports: number[] = [];
  uleb(fns.length, exports);
  fns.forEach((f, i) => {
    name(f.name, exports);
    exports.push(0x00);
    uleb(i, exports);
  });
  section(7, exports, out);
  const code: number[] = [];
  uleb(fns.length, code);
  for (const f of fns) {
    const body: number[] = [];
    uleb(f.locals.length, body);
    for (const t of f.locals) body.push(1, t);
    for (const b of f.body.bytes) body.push(b);
    body.push(0x0b);
    uleb(body.length, code);
    for (const b of body) code.push(b);
  }
  section(10, code, out);
  return new Uint8Array(out);
}
