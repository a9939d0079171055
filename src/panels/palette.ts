// One palette for every panel: a colour per agent and per method, the score scale, type sizes.
import { interpolateRgb, scaleSequential } from 'd3';

export const COLOURS = {
  ink: '#1d2330',
  muted: '#5d6678',
  faint: '#aab2bf',
  grid: '#e6e9ef',
  background: '#fbfcfd',
  family: '#7d8aa3',
  hereditary: '#0f8b8d',
  baseline: '#e07a2f',
  oracle: '#4b5563',
  random: '#b8bfca',
  truth: '#8a919e',
  differential: '#2457c5',
  functional: '#b04a82',
  closedForm: '#1d2330',
  goal: '#27303f',
  frame: '#98a2b3',
  /** The live preview of a policy still training. */
  learning: '#2f6fde',
} as const;

export type AgentKey = 'hereditary' | 'baseline';
export const AGENT_LABEL: Record<AgentKey, string> = {
  hereditary: 'Hereditary agent',
  baseline: 'Smooth-encoding baseline',
};

/** Dash pattern of everything labelled "truth". */
export const TRUTH_DASH = '6 4';

/** Normalised score 0 (random) … 1 (oracle) as a colour: warm red through sand to deep green-blue. */
export const scoreColour = scaleSequential<string>()
  .domain([0, 1])
  .interpolator((t: number) =>
    t < 0.5
      ? interpolateRgb('#c2413b', '#f0c75e')(t / 0.5)
      : interpolateRgb('#f0c75e', '#2b6f9e')((t - 0.5) / 0.5),
  )
  .clamp(true);

/** Distances at or beyond this many degrees get the darkest coverage shade. */
export const DISTANCE_FULL = 90;

/** Angular distance to the training set as a neutral shade for the coverage band (darker = farther). */
export const distanceShade = scaleSequential<string>()
  .domain([0, DISTANCE_FULL])
  .interpolator(interpolateRgb('#f1f4f8', '#7d8ba3'))
  .clamp(true);

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
