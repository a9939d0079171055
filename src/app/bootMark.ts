// Imported first by main.tsx: marks when the page's bundle starts to run (downloaded and compiled, no module of
// its own evaluated yet), so that the benchmark can split the first screen's time at this point.
export const BUNDLE_START_MARK = 'hereditary:bundle-start';
performance.mark(BUNDLE_START_MARK);
