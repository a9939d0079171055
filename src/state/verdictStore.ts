// The hereditary verdict of the training set on screen: from the run that trained it, or from a fit in the worker.
import { create } from 'zustand';
import {
  describeGenerator,
  type GeneratorShape,
  generatorWords,
  type HereditaryResult,
} from '../core/hereditary';
import type { DiscoveredOrbit } from '../core/pipeline/evaluationOrbit';

/** What the page says about one training set. */
export interface VerdictSummary {
  hereditary: boolean;
  compact: boolean;
  /** The calibrated statistic and its threshold (the older Σ-ratio when a result has no calibrated verdict). */
  statistic: number;
  threshold: number;
  shape: GeneratorShape;
  /** The generator in words ("a rotation about (0.00, 0.00)"). */
  generator: string;
  /** The core's one-line reason, with its numbers. */
  reason: string;
  /** What it means for the reader, in plain words. */
  meaning: string;
  note?: string;
  /** Angle between the found and the true generator (°), scored against the truth only; absent without one. */
  errorDeg?: number;
  /** The generator found and the verdict: where the reader's own goals' test goals lie (evaluationOrbit). */
  discovered: DiscoveredOrbit;
}

export function summariseVerdict(r: HereditaryResult): VerdictSummary {
  const v = r.verdict;
  const hereditary = v ? v.hereditary : r.isHereditary;
  const shape = describeGenerator(r.generator);
  const meaning = hereditary
    ? `One symmetry relates every training task, so the hereditary agent reuses its base policy through it${
        r.compact ? ' anywhere on the closed orbit' : ', along the whole orbit and beyond the training span'
      }.`
    : 'No single symmetry relates these tasks, so the hereditary agent is not offered for them; the baseline still is.';
  return {
    hereditary,
    compact: v ? v.compact : r.compact,
    statistic: v ? v.statistic : r.relativeResidual,
    threshold: v ? v.threshold : r.threshold,
    shape,
    generator: generatorWords(shape),
    reason: v ? v.reason : r.reason,
    meaning,
    ...(v?.note ? { note: v.note } : {}),
    ...(r.errorDeg !== undefined ? { errorDeg: r.errorDeg } : {}),
    discovered: {
      generator: r.generator,
      compact: v ? v.compact : r.compact,
      isHereditary: hereditary,
    },
  };
}

export type VerdictStatus = 'idle' | 'fitting' | 'done' | 'error';

export interface VerdictState {
  /** Key of the training set the summary belongs to (family, angles, constraint, seed, budget). */
  key: string | null;
  status: VerdictStatus;
  summary: VerdictSummary | null;
  /** 'run': read from the results on screen; 'fit': fitted in the worker for this set. */
  source: 'run' | 'fit' | null;
  /** Wall time of the last fit, from the edit that asked for it to its verdict. */
  ms: number | null;
  error: string | null;
  set(patch: Partial<Omit<VerdictState, 'set'>>): void;
}

export const useVerdict = create<VerdictState>()((set) => ({
  key: null,
  status: 'idle',
  summary: null,
  source: null,
  ms: null,
  error: null,
  set: (patch) => set(patch),
}));
