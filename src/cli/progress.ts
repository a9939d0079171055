// Progress lines on stderr for the headless CLI (throttled, one line per stage update).

export function stderrProgress(minIntervalMs = 2000) {
  let last = 0;
  let lastStage = '';
  return (stage: string, step: number, total: number, message?: string): void => {
    const now = Date.now();
    if (stage === lastStage && step < total && now - last < minIntervalMs) return;
    last = now;
    lastStage = stage;
    const pct = total > 0 ? ` ${((100 * step) / total).toFixed(0).padStart(3)}%` : '';
    process.stderr.write(
      `[${new Date().toISOString().slice(11, 19)}] ${stage}${pct} ${step}/${total}${message ? ` ${message}` : ''}\n`,
    );
  };
}
