// Settings controls; each input edits one schema field and only valid values reach the store.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSettings } from '../state/settingsStore';
import {
  lineGoalInside,
  POINT_BOUND,
  parseFieldValue,
  URL_SCHEMA,
  type UrlField,
  type UrlState,
} from '../state/urlSchema';
import { FamilySelect } from './FamilySelect';
import { TrainingPanel } from './TrainingPanel';

type NumericField = {
  [K in UrlField]: UrlState[K] extends number ? K : never;
}[UrlField];

function NumberInput({ field, step, label }: { field: NumericField; step: number; label?: string }) {
  const value = useSettings((s) => s.settings[field]);
  const update = useSettings((s) => s.update);
  const spec = URL_SCHEMA[field];
  const [text, setText] = useState(String(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(String(value));
    setInvalid(false);
  }, [value]);
  return (
    <label className="field">
      <span>{label ?? spec.label}</span>
      <input
        type="number"
        min={spec.min}
        max={spec.max}
        step={step}
        value={text}
        aria-invalid={invalid}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseFieldValue(field, e.target.value);
          setInvalid(!parsed.ok);
          if (parsed.ok) update({ [field]: parsed.value } as Partial<UrlState>);
        }}
      />
    </label>
  );
}

function Checkbox({ field }: { field: 'paths' | 'training' | 'frames' }) {
  const value = useSettings((s) => s.settings[field]);
  const update = useSettings((s) => s.update);
  return (
    <label className="check">
      <input type="checkbox" checked={value} onChange={(e) => update({ [field]: e.target.checked })} />
      <span>{URL_SCHEMA[field].label}</span>
    </label>
  );
}

/**
 * A wrapping text box for a list field (a link field's own parser decides; `problem` adds a check across fields). The
 * text follows the store unless the reader is mid-edit with an invalid value.
 */
function ListInput<V>({
  field,
  label,
  value,
  show,
  rows,
  testId,
  problem = () => null,
}: {
  field: 'train' | 'pts';
  label: string;
  value: V;
  show: (v: V) => string;
  rows: number;
  testId?: string;
  problem?: (v: V) => string | null;
}) {
  const update = useSettings((s) => s.update);
  const [text, setText] = useState(show(value));
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the text follows the value; `show` is fixed per field
  useEffect(() => {
    setText(show(value));
    setError(null);
  }, [value]);
  return (
    <label className="field wide">
      <span>{label}</span>
      {/* A wrapping box: four angles with decimals do not fit one line of the settings column. */}
      <textarea
        className="angles-input"
        data-testid={testId}
        rows={rows}
        spellCheck={false}
        value={text}
        aria-invalid={error !== null}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseFieldValue(field, e.target.value.replace(/\s+/g, '').replace(/[;,]$/, ''));
          const reason = parsed.ok ? problem(parsed.value as V) : parsed.reason;
          setError(reason);
          if (parsed.ok && reason === null) update({ [field]: parsed.value } as Partial<UrlState>);
        }}
      />
      {error && <small className="input-error">{error}</small>}
    </label>
  );
}

const showGoals = (p: readonly (readonly number[])[]) => p.map((g) => g.join(', ')).join('; ');
const showList = (xs: readonly number[]) => xs.join(', ');

/** The reader's own goals as text: "x,y; x,y; …", the base first. */
function GoalsList() {
  const pts = useSettings((s) => s.settings.pts);
  return (
    <ListInput
      field="pts"
      label={'my goals "x, y; x, y; …", base first'}
      value={pts}
      show={showGoals}
      rows={3}
      testId="goals-input"
    />
  );
}

function TrainingAngles() {
  const train = useSettings((s) => s.settings.train);
  const line = useSettings((s) => s.settings.family === 'line');
  return (
    <ListInput
      field="train"
      label={`${line ? 'training offsets t (arena units)' : 'training task angles (°)'}, base first`}
      value={train}
      show={showList}
      rows={2}
      problem={trainProblem}
    />
  );
}

/** A line's offsets must keep every goal in the arena (the link's own check, urlSchema.ts lineChecked). */
function trainProblem(train: readonly number[]): string | null {
  const s = useSettings.getState().settings;
  if (s.family !== 'line') return null;
  const out = train.find((t) => !lineGoalInside(s, t));
  return out === undefined ? null : `the offset ${out} puts a goal outside the arena (±${POINT_BOUND})`;
}

export function Controls() {
  // Only the fields this form reads: a goal drag must not re-render the controls.
  const s = useSettings(
    useShallow((st) => ({
      family: st.settings.family,
      reward: st.settings.reward,
      constraint: st.settings.constraint,
    })),
  );
  const update = useSettings((st) => st.update);
  return (
    <div className="controls-body" id="settings">
      <TrainingPanel />
      <h2>Task family</h2>
      <FamilySelect />
      {s.family === 'line' ? (
        <div className="row">
          <NumberInput field="ox" step={0.1} />
          <NumberInput field="oy" step={0.1} />
        </div>
      ) : s.family !== 'points' ? (
        <div className="row">
          <NumberInput field="cx" step={0.1} />
          <NumberInput field="cy" step={0.1} />
        </div>
      ) : null}
      {s.family === 'points' ? (
        <GoalsList />
      ) : s.family === 'line' ? (
        <NumberInput field="dir" step={5} />
      ) : s.family === 'circle' ? (
        <NumberInput field="radius" step={0.1} />
      ) : (
        <>
          <div className="row">
            <NumberInput field="alpha" step={0.1} />
            <NumberInput field="beta" step={0.1} />
          </div>
          <NumberInput field="tilt" step={5} />
          <label className="field">
            <span>{URL_SCHEMA.reward.label}</span>
            <select
              value={s.reward}
              onChange={(e) => update({ reward: e.target.value as UrlState['reward'] })}
            >
              <option value="pushforward">pushed forward (exact symmetry)</option>
              <option value="euclidean">Euclidean (no symmetry)</option>
            </select>
          </label>
        </>
      )}
      {s.family !== 'points' && <TrainingAngles />}
      <h2>Test</h2>
      {s.family === 'points' ? (
        <div className="row">
          <NumberInput field="gx" step={0.05} />
          <NumberInput field="gy" step={0.05} />
        </div>
      ) : s.family === 'line' ? (
        <NumberInput field="t" step={0.05} />
      ) : (
        <NumberInput field="goal" step={1} />
      )}
      <div className="row">
        <NumberInput field="K" step={1} />
        <NumberInput field="episodes" step={1} />
      </div>
      <div className="field">
        <label htmlFor="constraint-select">{URL_SCHEMA.constraint.label}</label>
        <select
          id="constraint-select"
          value={s.constraint}
          aria-describedby="constraint-hint"
          onChange={(e) => update({ constraint: e.target.value as UrlState['constraint'] })}
        >
          <option value="disk">disk ‖a‖ ≤ 0.1</option>
          <option value="box">box |aᵢ| ≤ 0.1 (paper)</option>
        </select>
        <small id="constraint-hint" className="muted">
          {s.constraint === 'disk'
            ? 'The disk is rotation-invariant: a rotated action stays allowed.'
            : 'The paper’s box is not rotation-invariant: a rotated action may be clipped.'}
        </small>
      </div>
      <NumberInput field="seed" step={1} />
      <h2>View</h2>
      <Checkbox field="paths" />
      <Checkbox field="training" />
      <Checkbox field="frames" />
    </div>
  );
}
