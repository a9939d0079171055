// On a phone the settings come after the pictures: a short bar of the essentials (goal, family, budget) above them.
import { useEffect, useId, useState } from 'react';
import { useSettings } from '../state/settingsStore';
import { parseFieldValue, URL_SCHEMA, type UrlState } from '../state/urlSchema';
import { BudgetSelect } from './BudgetSelect';

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

function GoalField() {
  const goal = useSettings((s) => s.settings.goal);
  const update = useSettings((s) => s.update);
  const [text, setText] = useState(String(goal));
  const id = useId();
  useEffect(() => setText(String(goal)), [goal]);
  return (
    <div className="field">
      <label htmlFor={id}>Goal (°)</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={URL_SCHEMA.goal.min}
        max={URL_SCHEMA.goal.max}
        step={1}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseFieldValue('goal', e.target.value);
          if (parsed.ok) update({ goal: parsed.value as number });
        }}
      />
    </div>
  );
}

function FamilyField() {
  const family = useSettings((s) => s.settings.family);
  const update = useSettings((s) => s.update);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Family</label>
      <select
        id={id}
        value={family}
        onChange={(e) => update({ family: e.target.value as UrlState['family'] })}
      >
        {URL_SCHEMA.family.values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
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
