// Start-up: fetch the shipped pretrained results next to the page (sub-path safe), validate, store them.
import { useEffect } from 'react';
import type { PipelineArtifacts } from '../core/pipeline/artifacts';
import { useResults } from '../state/resultsStore';

export const PRETRAINED_FORMAT = 'hereditary-pretrained/1';
/** Relative to the document, so the page works from any sub-path. */
export const PRETRAINED_PATH = 'pretrained/default.json';

const isNumberArray = (x: unknown, length?: number): boolean =>
  Array.isArray(x) && (length === undefined || x.length === length) && x.every((v) => typeof v === 'number');

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** The artifacts of a pretrained file, or why the file cannot be used (never throws). */
export function parsePretrained(json: unknown): { artifacts: PipelineArtifacts } | { error: string } {
  if (!isObject(json)) return { error: 'the pretrained file is not a JSON object' };
  if (json.format !== PRETRAINED_FORMAT) {
    return {
      error: `the pretrained file has format ${JSON.stringify(json.format)}, expected ${PRETRAINED_FORMAT}`,
    };
  }
  const a = json.artifacts;
  if (!isObject(a)) return { error: 'the pretrained file has no artifacts' };
  const config = a.config;
  const base = a.base;
  const hereditary = a.hereditary;
  if (!isObject(config) || !isObject(config.family) || !isObject(config.training)) {
    return { error: 'the pretrained file has no experiment config' };
  }
  if (!isNumberArray(a.trainAngles) || (a.trainAngles as number[]).length < 2) {
    return { error: 'the pretrained file has no training angles' };
  }
  if (!isObject(base) || !isObject(base.actor)) return { error: 'the pretrained file has no base policy' };
  if (!isObject(hereditary) || !isObject(hereditary.result) || !isObject(hereditary.baseRewardModel)) {
    return { error: 'the pretrained file has no hereditary geometry' };
  }
  if (!isNumberArray(hereditary.result.generator, 9)) {
    return { error: 'the pretrained generator is not a 3×3 matrix' };
  }
  if (!isObject(a.rewardSymmetry)) return { error: 'the pretrained file has no reward symmetry' };
  return {
    artifacts: {
      ...(a as unknown as PipelineArtifacts),
      baseline: (a.baseline as PipelineArtifacts['baseline']) ?? null,
      evaluation: (a.evaluation as PipelineArtifacts['evaluation']) ?? null,
    },
  };
}

/** performance.mark names of the start-up milestones (read by `npm run bench:browser`). */
export const START_MARKS = {
  pretrained: 'hereditary:pretrained-loaded',
  backend: 'hereditary:backend-known',
  agents: 'hereditary:agents-at-goal',
  ready: 'hereditary:app-ready',
} as const;

let loading: Promise<void> | null = null;

async function loadPretrained(): Promise<void> {
  const store = useResults.getState();
  try {
    const url = new URL(PRETRAINED_PATH, document.baseURI);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${PRETRAINED_PATH}: HTTP ${res.status}`);
    const parsed = parsePretrained(await res.json());
    if ('error' in parsed) throw new Error(parsed.error);
    // A live run that finished first wins; pretrained results never replace it.
    if (useResults.getState().source !== 'live') store.setArtifacts(parsed.artifacts, 'pretrained');
    store.setPretrained('loaded');
    performance.mark(START_MARKS.pretrained);
  } catch (e) {
    store.setError(
      `No pretrained results: ${e instanceof Error ? e.message : String(e)}. Train live instead.`,
    );
    store.setPretrained('failed');
  }
}

/** Start loading the pretrained results, once per page (main.tsx calls it before the first render). */
export function startPretrainedLoad(): void {
  if (!loading) loading = loadPretrained();
}

/** Load once per page (StrictMode runs effects twice; the fetch is shared). */
export function usePretrained(): void {
  useEffect(startPretrainedLoad, []);
}
