// Page-only view preferences (not part of the link): animated path drawing, score vs regret.
import { create } from 'zustand';
import { prefersReducedMotion } from '../../panels/panel';
import type { ScoreMode } from '../../panels/scoreCurvePanel';

export interface ViewPrefs {
  animate: boolean;
  scoreMode: ScoreMode;
  setAnimate(on: boolean): void;
  setScoreMode(mode: ScoreMode): void;
}

export const useViewPrefs = create<ViewPrefs>((set) => ({
  animate: !prefersReducedMotion(),
  scoreMode: 'score',
  setAnimate: (animate) => set({ animate }),
  setScoreMode: (scoreMode) => set({ scoreMode }),
}));
