// WebAssembly-SIMD Adam and Polyak steps over heap blocks, in tfjs's float32 operation order.
import { Asm, F32, I32, V128, type WasmFunction } from './wasmAssembler';

/*
 * adam(p, g, m, v, n, β1, β2, 1−β1, 1−β2, −lr, 1−β1ᵗ, 1−β2ᵗ, ε), offsets and n in floats (n a multiple of 4):
 *   m ← m·β1 + g·(1−β1);  v ← v·β2 + g²·(1−β2);  p ← (m/(1−β1ᵗ)) / (√(v/(1−β2ᵗ)) + ε) · (−lr) + p
 * — each operation rounded to float32 in the order tfjs's AdamOptimizer applies them.
 * polyak(t, s, n, 1−τ, τ):  t ← t·(1−τ) + s·τ.
 */

const [P, G, Mo, Vo, Nn] = [0, 1, 2, 3, 4];
const [B1, B2, OB1, OB2, NLR, C1, C2, EPS] = [5, 6, 7, 8, 9, 10, 11, 12];
const END = 13;
const SPLAT = 14; // v128 copies of the 8 scalars
const [GV, MV, VV] = [22, 23, 24];

function adamBody(): Asm {
  const s = new Asm();
  for (const x of [P, G, Mo, Vo, Nn]) s.get(x).i32(2).shl().set(x);
  s.get(P).get(Nn).add().set(END);
  for (let k = 0; k < 8; k++)
    s.get(B1 + k)
      .f32x4Splat()
      .set(SPLAT + k);
  const sp = (x: number) => SPLAT + (x - B1);
  s.get(Nn).when((t) =>
    t.loop((l) => {
      l.get(G).v128Load().set(GV);
      l.get(Mo).get(Mo).v128Load().get(sp(B1)).f32x4Mul().get(GV).get(sp(OB1)).f32x4Mul().f32x4Add().tee(MV);
      l.v128Store();
      l.get(Vo).get(Vo).v128Load().get(sp(B2)).f32x4Mul();
      l.get(GV).get(GV).f32x4Mul().get(sp(OB2)).f32x4Mul().f32x4Add().tee(VV);
      l.v128Store();
      l.get(P);
      l.get(MV).get(sp(C1)).f32x4Div();
      l.get(VV).get(sp(C2)).f32x4Div().f32x4Sqrt().get(sp(EPS)).f32x4Add();
      l.f32x4Div().get(sp(NLR)).f32x4Mul().get(P).v128Load().f32x4Add().v128Store();
      for (const x of [P, G, Mo, Vo]) l.addConst(x, 16);
      l.get(P).get(END).ltS().brIf(0);
    }),
  );
  return s;
}

export const adamFunction = (): WasmFunction => ({
  name: 'adam',
  params: [I32, I32, I32, I32, I32, F32, F32, F32, F32, F32, F32, F32, F32],
  locals: [I32, ...Array(8).fill(V128), V128, V128, V128],
  body: adamBody(),
});

const [T, S, Np, KEEP, TAKE, TEND, VKEEP, VTAKE] = [0, 1, 2, 3, 4, 5, 6, 7];

function polyakBody(): Asm {
  const s = new Asm();
  for (const x of [T, S, Np]) s.get(x).i32(2).shl().set(x);
  s.get(T).get(Np).add().set(TEND);
  s.get(KEEP).f32x4Splat().set(VKEEP);
  s.get(TAKE).f32x4Splat().set(VTAKE);
  s.get(Np).when((t) =>
    t.loop((l) => {
      l.get(T).get(T).v128Load().get(VKEEP).f32x4Mul().get(S).v128Load().get(VTAKE).f32x4Mul().f32x4Add();
      l.v128Store();
      l.addConst(T, 16).addConst(S, 16);
      l.get(T).get(TEND).ltS().brIf(0);
    }),
  );
  return s;
}

export const polyakFunction = (): WasmFunction => ({
  name: 'polyak',
  params: [I32, I32, I32, F32, F32],
  locals: [I32, V128, V128],
  body: polyakBody(),
});
