// The deterministic SAC actor as a batched plain-JS Policy: a = maxAction · tanh(μ(obs)).
import type { Policy } from '../policies';
import { type MlpWeights, mlpDims, mlpForward } from './mlp';

/**
 * Maps n states (x, y, …) to the actor's observations: writes n×obsDim values into `obs`. Lets a
 * caller append a context vector z or move the state into the base task's frame first.
 */
export type ObsTransform = (states: Float64Array, n: number, obs: Float64Array) => void;

export function actorPolicy(weights: MlpWeights, maxAction: number, obsTransform?: ObsTransform): Policy {
  const { inDim, outDim } = mlpDims(weights);
  if (!obsTransform && inDim !== 2) throw new Error(`actorPolicy: obsDim ${inDim} needs an obsTransform`);
  let obs = new Float64Array(0);
  let out = new Float64Array(0);
  return (states, n, actions) => {
    if (obs.length < n * inDim) obs = new Float64Array(n * inDim);
    if (out.length < n * outDim) out = new Float64Array(n * outDim);
    if (obsTransform) obsTransform(states, n, obs);
    const input = obsTransform ? obs : states;
    mlpForward(weights, input, n, out);
    for (let i = 0; i < n; i++) {
      actions[2 * i] = maxAction * Math.tanh(out[i * outDim]);
      actions[2 * i + 1] = maxAction * Math.tanh(out[i * outDim + 1]);
    }
  };
}
