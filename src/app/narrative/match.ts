// Whether shown results belong to the settings on screen (same family and training set), and the training presets.
import type { TaskFamily } from '../../core/families';
import type { PipelineArtifacts } from '../../core/pipeline/artifacts';

const close = (a: number, b: number, tol = 1e-6) => Math.abs(a - b) <= tol;

export function sameFamily(a: TaskFamily, b: TaskFamily): boolean {
  if (a.kind !== b.kind || !close(a.center[0], b.center[0]) || !close(a.center[1], b.center[1])) return false;
  if (a.kind === 'circle' && b.kind === 'circle') return close(a.radius, b.radius);
  if (a.kind === 'ellipse' && b.kind === 'ellipse')
    return (
      close(a.axes[0], b.axes[0]) &&
      close(a.axes[1], b.axes[1]) &&
      close(a.tilt, b.tilt, 1e-4) &&
      a.reward === b.reward
    );
  return false;
}

/** Training angles equal up to the link's 0.01° rounding (both in degrees, base first). */
export function sameTraining(aDeg: readonly number[], bDeg: readonly number[]): boolean {
  if (aDeg.length !== bDeg.length) return false;
  const wrap = (d: number) => ((d % 360) + 360) % 360;
  return aDeg.every((d, i) => {
    const diff = Math.abs(wrap(d) - wrap(bDeg[i]));
    return Math.min(diff, 360 - diff) < 0.02;
  });
}

export const artifactTrainDeg = (a: PipelineArtifacts): number[] =>
  a.trainAngles.map((r) => (r * 180) / Math.PI);

export interface TrainingPreset {
  id: 'paper' | 'clustered' | 'dense';
  label: string;
  description: string;
  anglesDeg: number[];
}

const PAPER_BASE_DEG = 134.83;

export const TRAINING_PRESETS: readonly TrainingPreset[] = [
  {
    id: 'paper',
    label: 'Paper',
    description: 'the reference code’s four goals (numpy seed 42)',
    anglesDeg: [134.83, -17.74, -96.48, -144.48],
  },
  {
    id: 'clustered',
    label: 'Clustered',
    description: 'three goals within 50° of each other: a smooth encoding only covers that arc',
    anglesDeg: [PAPER_BASE_DEG, 159.83, 109.83],
  },
  {
    id: 'dense',
    label: 'Dense',
    description: 'twelve goals every 30°: dense coverage, where smooth encodings do well too',
    anglesDeg: Array.from({ length: 12 }, (_, i) => {
      const d = PAPER_BASE_DEG + 30 * i;
      return Math.round((d > 180 ? d - 360 : d) * 100) / 100;
    }),
  },
];
