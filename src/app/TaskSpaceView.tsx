// The task-space view: React host of the task-space panel, with the training-set presets beside it.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { degToRad } from '../core/angles';
import { sameFamily, sameTrainingAngles, sameTrainingParameters } from '../core/families';
import { create, type TaskSpaceData } from '../panels/taskSpacePanel';
import {
  familyFromSettings,
  familySettingsOf,
  isPeriodicSettings,
  trainingAnglesRad,
} from '../state/derived';
import { useEdit } from '../state/editStore';
import { backendProvenance } from '../state/exportProvenance';
import { useGoal } from '../state/goalStore';
import { useJobs } from '../state/jobsStore';
import { goalPatch, pageGoal, pageTasks } from '../state/orbitChart';
import { isBusy, useResults } from '../state/resultsStore';
import { useSettings } from '../state/settingsStore';
import type { ArrowKey } from '../state/trainingEdits';
import { FamilySelect } from './FamilySelect';
import { TRAINING_PRESETS } from './narrative/trainingPresets';
import { PanelHost } from './PanelHost';
import { QuickControls } from './QuickControls';
import { chartNow, usePageChart } from './usePageChart';

const options = {
  onGoal: (x: number, y: number) => {
    const { settings: s, update } = useSettings.getState();
    const chart = chartNow(s);
    update(goalPatch(s, chart, chart.paramOf([x, y])));
  },
  onGoalStep: (direction: 1 | -1, large: boolean) => {
    const { settings: s, update } = useSettings.getState();
    const chart = chartNow(s);
    const step = large ? chart.step.large : chart.step.small;
    update(goalPatch(s, chart, pageGoal(s, chart).value + direction * step));
  },
  edit: {
    onAdd: (x: number, y: number) => useEdit.getState().add(x, y),
    onMove: (index: number, x: number, y: number) => useEdit.getState().move(index, x, y),
    onStep: (index: number, key: ArrowKey, large: boolean) => useEdit.getState().step(index, key, large),
    onSelect: (index: number) => useEdit.getState().select(index),
    onRemove: (index: number) => useEdit.getState().remove(index),
  },
};

function TrainingPresets() {
  const train = useSettings((s) => s.settings.train);
  const periodic = useSettings((s) => isPeriodicSettings(s.settings));
  const update = useSettings((s) => s.update);
  // The presets are sets of angles: a line's offsets and the reader's goals have none.
  if (!periodic) return null;
  return (
    <fieldset className="presets">
      <legend className="visually-hidden">Training-task presets</legend>
      <span className="presets-label">Training tasks</span>
      {TRAINING_PRESETS.map((p) => (
        <button
          key={p.id}
          type="button"
          title={p.description}
          aria-pressed={sameTrainingAngles(train.map(degToRad), p.anglesDeg.map(degToRad))}
          data-testid={`preset-${p.id}`}
          onClick={() => update({ train: [...p.anglesDeg] })}
        >
          {p.label}
        </button>
      ))}
    </fieldset>
  );
}

/** The base policy's live preview while its stage trains (until the stage's own result replaces it). */
function useLivePreview() {
  return useResults((st) => {
    const { status, preview, checkpoints } = st.live;
    return isBusy(status) && !checkpoints['train-base'] ? (preview ?? null) : null;
  });
}

export function TaskSpaceView() {
  const s = useSettings((st) => st.settings);
  const reference = useGoal((st) => st.reference);
  const agents = useGoal((st) => st.agents);
  const artifacts = useResults((st) => st.artifacts);
  const editing = useEdit((st) => st.editing);
  const preview = useLivePreview();
  const selectedTask = useEdit((st) => st.selected);
  const familyFields = useSettings(useShallow((st) => familySettingsOf(st.settings)));
  const familyValue = useMemo(() => familyFromSettings(familyFields), [familyFields]);
  const chart = usePageChart();
  const evalMatches =
    artifacts?.evaluation != null &&
    sameFamily(artifacts.config.family, familyValue) &&
    sameTrainingParameters(familyValue, artifacts.trainAngles, trainingAnglesRad(s));

  // Its own memo: the panel redraws its static layers only when this (not the goal) changes.
  const evaluation = useMemo(
    () =>
      evalMatches && artifacts?.evaluation
        ? artifacts.evaluation.rows.map((r) => ({
            angleDeg: r.angle_deg,
            goal: r.goal,
            hereditary: r.score.hereditary ?? null,
            baseline: r.score.baseline ?? null,
          }))
        : null,
    [evalMatches, artifacts],
  );

  const { family, train, pts, goal, t, gx, gy } = s;
  const tasks = useMemo(() => pageTasks({ family, train, pts }, chart), [family, train, pts, chart]);
  const goalAt = useMemo(
    () => pageGoal({ family, goal, t, gx, gy }, chart),
    [family, goal, t, gx, gy, chart],
  );
  const data: TaskSpaceData = useMemo(
    () => ({
      chart,
      // The edit mode shows the training goals even where the reader hid them: they are what is edited.
      tasks: s.training || editing ? tasks : [],
      ownGoals: family === 'points' ? pts : null,
      goal: goalAt,
      paths: s.paths
        ? {
            random: reference.random?.path,
            oracle: reference.oracle?.path,
            hereditary: agents.hereditary?.path,
            baseline: agents.baseline?.path,
            ...(preview ? { learning: preview.path } : {}),
          }
        : {},
      evaluation,
      frames: s.frames && artifacts ? artifacts.rewardSymmetry.frames : null,
      editing,
      selectedTask,
    }),
    [
      chart,
      s.training,
      tasks,
      family,
      pts,
      goalAt,
      s.paths,
      s.frames,
      reference,
      agents,
      evaluation,
      artifacts,
      editing,
      selectedTask,
      preview,
    ],
  );

  return (
    <figure className="task-space">
      <QuickControls />
      <div className="figure-head">
        <h2 id="task-space-heading">Task space</h2>
        <FamilySelect label="Family" testId="family-switch" />
        <TrainingPresets />
      </div>

      <PanelHost
        create={create}
        options={options}
        data={data}
        name="task-space"
        exportData={() => {
          // Read at click time (no subscription to job progress): the link's `backend` is only an override.
          const { backendReport: report, jobs } = useJobs.getState();
          const r = useResults.getState();
          const backends = backendProvenance(
            report,
            r.source,
            r.artifacts?.config ?? null,
            r.live.jobs,
            jobs,
          );
          return {
            settings: { ...s, backend: backends.used, backend_override: s.backend },
            backends,
            evaluation: data.evaluation,
            paths: data.paths,
          };
        }}
        csv={() =>
          (data.evaluation ?? []).map((e) => ({
            angle_deg: e.angleDeg,
            goal_x: e.goal[0],
            goal_y: e.goal[1],
            score_hereditary: e.hereditary,
            score_baseline: e.baseline,
          }))
        }
      />
      <figcaption>
        {preview && (
          <span data-testid="learning-note" data-update={preview.update}>
            Dashed blue: the base policy still training, at its own task, after {preview.update} of{' '}
            {preview.total} updates ({preview.success ? 'reaches the goal' : 'does not reach the goal yet'}).{' '}
          </span>
        )}
        Drag the test goal (or focus it and use the arrow keys; Shift for{' '}
        {chart.unit === 'deg' ? '10°' : '0.5'}).
        {s.family === 'points'
          ? // The chart is the orbit discovery found, or the goals' own polyline until it finds one.
            chart.family.kind !== 'points'
            ? ' It moves along the orbit that discovery found through your goals.'
            : ' Until discovery finds one orbit through your goals, it moves along the line through them in order.'
          : ''}{' '}
        The band is darker where the nearest training goal is farther away along the orbit.{' '}
        {artifacts?.evaluation == null
          ? 'Test-goal scores appear once an evaluation has run.'
          : evalMatches
            ? `Rings: each agent’s score at the ${artifacts.evaluation.rows.length} evaluated test goals${
                artifacts.baseline === null ? ' (baseline not trained yet: its rings are blank)' : ''
              }.`
            : 'The scored test goals belong to another family or training set: retrain live to score this one.'}
      </figcaption>
    </figure>
  );
}
