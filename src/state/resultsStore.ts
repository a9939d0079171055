// The science results the page shows: pipeline artifacts from the shipped pretrained file or a live run.
import { create } from 'zustand';
import type { PipelineArtifacts } from '../core/pipeline/artifacts';

export type ResultsSource = 'pretrained' | 'live';

export interface ResultsState {
  artifacts: PipelineArtifacts | null;
  source: ResultsSource | null;
  /** Why the pretrained file or a live run could not provide results (shown on screen). */
  error: string | null;
  setArtifacts(artifacts: PipelineArtifacts, source: ResultsSource): void;
  /** Merge one live stage's artifact into the current results. */
  patchArtifacts(patch: Partial<PipelineArtifacts>): void;
  setError(message: string | null): void;
}

export const useResults = create<ResultsState>((set) => ({
  artifacts: null,
  source: null,
  error: null,
  setArtifacts: (artifacts, source) => set({ artifacts, source, error: null }),
  patchArtifacts: (patch) =>
    set((s) => (s.artifacts ? { artifacts: { ...s.artifacts, ...patch }, source: 'live' } : {})),
  setError: (error) => set({ error }),
}));
