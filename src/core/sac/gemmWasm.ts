// The WebAssembly-SIMD GEMM of denseKernels.ts, generated as code: 4-row × 8-column register tiles over f32x4.
import { Asm, I32, V128, type ValType, type WasmFunction } from './wasmAssembler';

/*
 * gemm(M, N, K, a, aRow, aCol, b, ldb, c, ldc, bias, relu, mask) — the contract is documented on `Gemm` in
 * denseKernels.ts. Each tile keeps its R × V f32x4 accumulators in locals over the whole K loop, so one step
 * of p loads V vectors of B's row p and R broadcast scalars of A's column p for 4·R·V multiply-adds.
 */

// Parameter and local indices of the wasm gemm function.
const [M, N, K, A, AROW, ACOL, B, LDB, C, LDC, BIAS, RELU, MASK] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const [I, J, P, PA, PB, PC, AR2, AR3] = [13, 14, 15, 16, 17, 18, 19, 20];
const ACC = 21; // 8 v128 accumulators acc[r·2 + v]
const [BV0, BV1, XV] = [29, 30, 31];
const LOCALS: ValType[] = [...Array(8).fill(I32), ...Array(8).fill(V128), V128, V128, V128];

/** Row r's A address: pa + r·aRow (bytes). */
function rowAddress(s: Asm, r: number): void {
  s.get(PA);
  if (r === 1) s.get(AROW).add();
  if (r === 2) s.get(AR2).add();
  if (r === 3) s.get(AR3).add();
}

/** One R-row × V-vector (4V columns) tile at (i, j): accumulate over p in registers, then the epilogue. */
function tile(s: Asm, R: number, V: number): void {
  const acc = (r: number, v: number) => ACC + r * 2 + v;
  // Initial value: the bias row, or zero.
  for (let v = 0; v < V; v++) s.v128Zero().set(BV0 + v);
  s.get(BIAS).when((t) => {
    for (let v = 0; v < V; v++)
      t.get(BIAS)
        .get(J)
        .i32(2)
        .shl()
        .add()
        .v128Load(16 * v)
        .set(BV0 + v);
  });
  for (let r = 0; r < R; r++) for (let v = 0; v < V; v++) s.get(BV0 + v).set(acc(r, v));
  s.get(A).get(I).get(AROW).mul().add().set(PA);
  s.get(B).get(J).i32(2).shl().add().set(PB);
  s.get(K).set(P);
  s.get(P).when((t) =>
    t.loop((l) => {
      l.get(PB).v128Load(0).set(BV0);
      if (V === 2) l.get(PB).v128Load(16).set(BV1);
      for (let r = 0; r < R; r++) {
        rowAddress(l, r);
        l.load32Splat(0).set(XV);
        for (let v = 0; v < V; v++)
          l.get(acc(r, v))
            .get(XV)
            .get(BV0 + v)
            .f32x4Mul()
            .f32x4Add()
            .set(acc(r, v));
      }
      l.addTo(PA, ACOL).addTo(PB, LDB);
      l.get(P).i32(1).sub().tee(P).brIf(0);
    }),
  );
  s.get(RELU).when((t) => {
    for (let r = 0; r < R; r++)
      for (let v = 0; v < V; v++) t.get(acc(r, v)).v128Zero().f32x4Max().set(acc(r, v));
  });
  s.get(MASK).when((t) => {
    t.get(MASK).get(I).get(LDC).mul().add().get(J).i32(2).shl().add().set(PC);
    for (let r = 0; r < R; r++) {
      for (let v = 0; v < V; v++)
        t.get(acc(r, v))
          .get(PC)
          .v128Load(16 * v)
          .v128Zero()
          .f32x4Gt()
          .v128And()
          .set(acc(r, v));
      t.addTo(PC, LDC);
    }
  });
  s.get(C).get(I).get(LDC).mul().add().get(J).i32(2).shl().add().set(PC);
  for (let r = 0; r < R; r++) {
    for (let v = 0; v < V; v++)
      s.get(PC)
        .get(acc(r, v))
        .v128Store(16 * v);
    s.addTo(PC, LDC);
  }
}

/** Columns of one row block: 8-wide tiles, then a 4-wide one when N mod 8 = 4. */
function columns(s: Asm, R: number): void {
  s.i32(0).set(J);
  s.block((b) =>
    b.loop((l) => {
      l.get(J).i32(8).add().get(N).gtS().brIf(1);
      tile(l, R, 2);
      l.addConst(J, 8).br(0);
    }),
  );
  s.get(J)
    .get(N)
    .ltS()
    .when((t) => tile(t, R, 1));
}

function gemmBody(): Asm {
  const s = new Asm();
  for (const p of [A, AROW, ACOL, B, LDB, C, LDC, BIAS, MASK]) s.get(p).i32(2).shl().set(p);
  s.get(AROW).get(AROW).add().set(AR2);
  s.get(AR2).get(AROW).add().set(AR3);
  s.i32(0).set(I);
  // Blocks of 4 rows, then single rows.
  s.block((b) =>
    b.loop((l) => {
      l.get(I).i32(4).add().get(M).gtS().brIf(1);
      columns(l, 4);
      l.addConst(I, 4).br(0);
    }),
  );
  s.block((b) =>
    b.loop((l) => {
      l.get(I).get(M).ltS().eqz().brIf(1);
      columns(l, 1);
      l.addConst(I, 1).br(0);
    }),
  );
  return s;
}

export const gemmFunction = (): WasmFunction => ({
  name: 'gemm',
  params: Array(13).fill(I32),
  locals: LOCALS,
  body: gemmBody(),
});
