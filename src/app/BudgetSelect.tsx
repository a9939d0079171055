// The training-budget menu: each budget with its duration in this browser, estimated from measured unit costs.
import { useEffect, useId, useState } from 'react';
import type { Budget } from '../core/experimentConfig';
import { formatDuration } from '../core/pipeline/liveSchedule';
import { estimateKey, useDurationEstimates } from '../state/durationEstimates';
import { useSettings } from '../state/settingsStore';
import { URL_SCHEMA } from '../state/urlSchema';
import { useUnitCosts } from './useDurationEstimates';
import { useWantedConfig } from './useLiveTraining';

const NAME: Record<Budget, string> = { quick: 'quick', full: 'full', smoke: 'tiny plumbing test' };

/** The label of each budget's option: its name and "≈ duration" once this browser's speed is measured. */
function useBudgetTimes(): {
  seconds: Partial<Record<Budget, number>>;
  note: string;
  costs: ReturnType<typeof useUnitCosts>;
} {
  const costs = useUnitCosts();
  const wanted = useWantedConfig();
  const forKey = useDurationEstimates((s) => s.forKey);
  const byBudget = useDurationEstimates((s) => s.byBudget);
  const fresh = costs ? forKey === estimateKey(wanted, costs) : false;
  const seconds: Partial<Record<Budget, number>> = {};
  if (fresh) for (const [b, e] of Object.entries(byBudget)) if (e) seconds[b as Budget] = e.totalSeconds;
  const note =
    costs === undefined
      ? 'timing this browser…'
      : costs === null
        ? 'durations unknown: timing this browser failed'
        : `≈ times from this browser’s measured speed (SAC update ${costs.sacUpdateMs.toPrecision(2)} ms)`;
  return { seconds, note, costs };
}

export function BudgetSelect({ label = URL_SCHEMA.budget.label }: { label?: string }) {
  const budget = useSettings((s) => s.settings.budget);
  const update = useSettings((s) => s.update);
  // 'smoke' is a test budget: offered only once a link has asked for it (the link value stays valid).
  const [smokeSeen, setSmokeSeen] = useState(budget === 'smoke');
  useEffect(() => {
    if (budget === 'smoke') setSmokeSeen(true);
  }, [budget]);
  const { seconds, note, costs } = useBudgetTimes();
  const id = useId();
  const offered: Budget[] = smokeSeen || budget === 'smoke' ? ['quick', 'full', 'smoke'] : ['quick', 'full'];
  const text = (b: Budget) =>
    seconds[b] === undefined ? NAME[b] : `${NAME[b]} · ≈ ${formatDuration(seconds[b])}`;
  return (
    <div className="field budget-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={budget}
        data-testid="budget-select"
        onChange={(e) => update({ budget: e.target.value as Budget })}
      >
        {offered.map((b) => (
          <option key={b} value={b} data-seconds={seconds[b]?.toFixed(3)}>
            {text(b)}
          </option>
        ))}
      </select>
      {budget === 'smoke' && (
        <small className="input-error">tiny — checks the plumbing, scores are meaningless</small>
      )}
      <small
        className="muted"
        data-testid="budget-note"
        data-costs={costs ? JSON.stringify(costs) : undefined}
      >
        {note}
      </small>
    </div>
  );
}
