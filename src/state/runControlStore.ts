// Play, pause and speed of live training, as the reader set them (sent to every compute worker).
import { create } from 'zustand';

export interface RunControlState {
  paused: boolean;
  /** 1 = full speed; below 1 the loops rest between their yields (slow motion). */
  speed: number;
  /** Chunks stepped since the last play (shown beside the buttons). */
  steps: number;
  set(patch: Partial<Pick<RunControlState, 'paused' | 'speed' | 'steps'>>): void;
}

export const useRunControl = create<RunControlState>()((set) => ({
  paused: false,
  speed: 1,
  steps: 0,
  set: (patch) => set(patch),
}));
