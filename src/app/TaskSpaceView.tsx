// The task-space view: React host of the task-space panel, with the training-set presets beside it.
import { useMemo } from 'react';
import { degToRad } from '../core/angles';
import { sameFamily, sameTrainingAngles } from '../core/families';
import { create, type TaskSpaceData } from '../panels/taskSpacePanel';
import { angleOfPoint, familyFromSettings, normaliseGoalDeg, trainingAnglesRad } from '../state/derived';
import { useEdit } from '../state/editStore';
import { backendProvenance } from '../state/exportProvenance';
import { useGoal } from '../state/goalStore';
import { useJobs } from '../state/jobsStore';
import { isBusy, useResults } from '../state/resultsStore';
import { useSettings } from '../state/settingsStore';
import { TRAINING_PRESETS } from './narrative/trainingPresets';
import { PanelHost } from './PanelHost';
import { QuickControls } from './QuickControls';

const options = {
  onGoal: (deg: number) => useSettings.getState().update({ goal: normaliseGoalDeg(deg) }),
  onGoalStep: (delta: number) => {
    const { settings, update } = useSettings.getState();
    update({ goal: normaliseGoalDeg(settings.goal + delta) });
  },
  angleOfPoint,
  edit: {
    onAdd: (deg: number) => useEdit.getState().add(deg),
    onMove: (index: number, deg: number) => useEdit.getState().move(index, deg),
    onStep: (index: number, delta: number) => useEdit.getState().step(index, delta),
    onSelect: (index: number) => useEdit.getState().select(index),
    onRemove: (index: number) => useEdit.getState().remove(index),
  },
};

function TrainingPresets() {
  const train = useSettings((s) => s.settings.train);
  const update = useSettings((s) => s.update);
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
  const { family, cx, cy, radius, alpha, beta, tilt, reward } = s;
  const familyValue = useMemo(
    () => familyFromSettings({ family, cx, cy, radius, alpha, beta, tilt, reward }),
    [family, cx, cy, radius, alpha, beta, tilt, reward],
  );
  const evalMatches =
    artifacts?.evaluation != null &&
    sameFamily(artifacts.config.family, familyValue) &&
    sameTrainingAngles(artifacts.trainAngles, trainingAnglesRad(s));

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

  const data: TaskSpaceData = useMemo(
    () => ({
      family: familyValue,
      // The edit mode shows the training goals even where the reader hid them: they are what is edited.
      trainAnglesDeg: s.training || editing ? s.train : [],
      goalDeg: s.goal,
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
      familyValue,
      s.training,
      s.train,
      s.goal,
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
        Drag the test goal (or focus it and use the arrow keys; Shift for 10°). The band is darker where the
        nearest training goal is farther away.{' '}
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
