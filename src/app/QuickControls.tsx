// On a phone the settings come after the pictures: a short bar of the essentials (goal, family, budget) above them.
import { useEffect, useId, useState } from 'react';
import { useSettings } from '../state/settingsStore';
import { parseFieldValue, URL_SCHEMA } from '../state/urlSchema';
import { BudgetSelect } from './BudgetSelect';
import { FamilySelect } from './FamilySelect';

/** Viewports this narrow get the bar (the settings column then sits below both rollout panels). */
const NARROW = '(max-width: 600px)';

function useNarrow(): boolean {
  const query = () => typeof matchMedia === 'function' && matchMedia(NARROW).matches;
  const [narrow, setNarrow] = useState(query);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia(NARROW);
    const onChange = () => setNarrow(mq.matches);
    mq.addEventListener('change', onChange);
    onChange();
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return narrow;
}

/** The test goal's own number: its angle on a circle or ellipse, its offset on a line (the reader's goals: drag). */
function GoalField() {
  const family = useSettings((s) => s.settings.family);
  if (family === 'points') return null;
  return family === 'line' ? (
    <GoalNumber field="t" label="Goal t" step={0.05} />
  ) : (
    <GoalNumber field="goal" label="Goal (°)" step={1} />
  );
}

function GoalNumber({ field, label, step }: { field: 'goal' | 't'; label: string; step: number }) {
  const goal = useSettings((s) => s.settings[field]);
  const update = useSettings((s) => s.update);
  const [text, setText] = useState(String(goal));
  const id = useId();
  useEffect(() => setText(String(goal)), [goal]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={URL_SCHEMA[field].min}
        max={URL_SCHEMA[field].max}
        step={step}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseFieldValue(field, e.target.value);
          if (parsed.ok) update({ [field]: parsed.value as number });
        }}
      />
    </div>
  );
}

function FamilyField() {
  return <FamilySelect label="Family" />;
}

/** Scroll to the settings column and move focus there (its first control). */
function jumpToSettings() {
  const settings = document.getElementById('settings');
  if (!settings) return;
  settings.scrollIntoView({ block: 'start' });
  settings.querySelector<HTMLElement>('select, input, textarea, button')?.focus({ preventScroll: true });
}

export function QuickControls() {
  if (!useNarrow()) return null;
  return (
    <section className="quick-controls" aria-label="Essential settings" data-testid="quick-controls">
      <div className="row">
        <GoalField />
        <FamilyField />
      </div>
      <BudgetSelect label="Budget" />
      {/* Not an #anchor: the hash is the settings link. */}
      <button type="button" className="jump-settings" onClick={jumpToSettings}>
        All settings and training ↓
      </button>
    </section>
  );
}
