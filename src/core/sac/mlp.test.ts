import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import {
  base64ToBytes,
  bytesToBase64,
  deserializeMlp,
  type MlpWeights,
  mlpForward,
  serializeMlp,
} from './mlp';

tf.enableProdMode();

function randomMlp(dims: number[], seed: number): MlpWeights {
  const rng = new Rng(seed);
  return {
    layers: dims.slice(1).map((outDim, l) => ({
      inDim: dims[l],
      outDim,
      w: Float32Array.from({ length: dims[l] * outDim }, () => rng.normal() * 0.5),
      b: Float32Array.from({ length: outDim }, () => rng.normal() * 0.1),
    })),
  };
}

describe('plain-JS MLP', () => {
  it('batched forward matches a tfjs forward', async () => {
    await tf.setBackend('cpu');
    const net = randomMlp([5, 16, 16, 3], 1);
    const rng = new Rng(2);
    const n = 40;
    const input = Float64Array.from({ length: n * 5 }, () => rng.uniform(-2, 2));
    const got = mlpForward(net, input, n);
    const want = tf.tidy(() => {
      let x: tf.Tensor2D = tf.tensor2d(Float32Array.from(input), [n, 5]);
      net.layers.forEach((l, i) => {
        x = tf.add(tf.matMul(x, tf.tensor2d(l.w, [l.inDim, l.outDim])), tf.tensor1d(l.b));
        if (i < net.layers.length - 1) x = tf.relu(x);
      });
      return x.dataSync();
    });
    expect(got.length).toBe(n * 3);
    for (let i = 0; i < got.length; i++) expect(got[i]).toBeCloseTo(want[i], 4);
    const out = new Float64Array(n * 3 + 7);
    expect(mlpForward(net, input, n, out)).toBe(out);
    expect(Array.from(out.subarray(0, n * 3))).toEqual(Array.from(got));
  });

  it('base64 agrees with the standard encoding for every padding length', () => {
    for (const len of [0, 1, 2, 3, 4, 5, 31]) {
      const bytes = Uint8Array.from({ length: len }, (_, i) => (i * 97 + 13) & 255);
      const s = bytesToBase64(bytes);
      expect(s).toBe(btoa(String.fromCharCode(...bytes)));
      expect(Array.from(base64ToBytes(s))).toEqual(Array.from(bytes));
    }
  });

  it('serialise → JSON → deserialise is bit-exact', () => {
    const net = randomMlp([2, 64, 64, 2], 3);
    net.layers[0].w[0] = -0;
    net.layers[0].w[1] = 1e-38;
    const back = deserializeMlp(JSON.parse(JSON.stringify(serializeMlp(net))));
    expect(back.layers.length).toBe(3);
    back.layers.forEach((l, i) => {
      expect([l.inDim, l.outDim]).toEqual([net.layers[i].inDim, net.layers[i].outDim]);
      expect(new Uint8Array(l.w.buffer)).toEqual(new Uint8Array(net.layers[i].w.buffer));
      expect(new Uint8Array(l.b.buffer)).toEqual(new Uint8Array(net.layers[i].b.buffer));
    });
  });
});
