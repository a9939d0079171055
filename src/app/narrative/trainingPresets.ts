// The training-set presets offered beside the task-space panel (angles in degrees, as the link writes them).

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
