// The encoder's InfoNCE defaults, apart from its tfjs trainer (the matched budget reads them on the page).

export const INFONCE_DEFAULTS = {
  contextSize: 64,
  negatives: 12,
  temperature: 1,
  lr: 3e-3,
  contextsPerTask: 4,
  poolRuns: 200,
  runLength: 16,
  wholeRuns: true,
};
