// Returns at the test goal and the two agents' rollouts side by side (same goal, same context), oracle faint.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AgentName } from '../core/testTime/goalRollouts';
import { create, type RolloutCompareData } from '../panels/rolloutPanel';
import { useGoal } from '../state/goalStore';
import { pageGoal, pageTasks } from '../state/orbitChart';
import { useResults } from '../state/resultsStore';
import { useSettings } from '../state/settingsStore';
import { useViewPrefs } from './narrative/viewPrefs';
import { PanelHost } from './PanelHost';
import { PRECOMPUTED_KEY_SUFFIX } from './useGoalRollouts';
import { usePageChart } from './usePageChart';

const columnLayout = { layout: 'column' as const };

const AGENT_LABEL: Record<AgentName, string> = {
  hereditary: 'Hereditary agent',
  baseline: 'Smooth-encoding baseline',
};

/** While the goal moves, returns come from one episode (dimmed, no data-return) until the final update. */
const usePreview = () => useGoal((s) => s.goalUpdatePhase === 'preview');

function AgentRow({ agent }: { agent: AgentName }) {
  const rollout = useGoal((s) => s.agents[agent]);
  const preview = usePreview();
  return (
    <li
      className={`rollout rollout-${agent}${preview ? ' provisional' : ''}`}
      data-testid={`rollout-${agent}`}
      data-status={rollout ? 'ready' : 'waiting'}
      data-phase={preview ? 'preview' : 'final'}
      data-return={rollout && !preview ? rollout.meanReturn.toFixed(3) : undefined}
    >
      <span className="swatch" />
      <span>{AGENT_LABEL[agent]}</span>
      <span className="value">{rollout ? rollout.meanReturn.toFixed(2) : 'waiting for trained agents'}</span>
    </li>
  );
}

export function ReturnsList() {
  const reference = useGoal((s) => s.reference);
  const preview = usePreview();
  // The shipped run's first screen is drawn from first-screen.json until the agents worker's own update lands.
  const precomputed = useGoal((s) => s.goalUpdateKey?.endsWith(PRECOMPUTED_KEY_SUFFIX) === true);
  const cls = (name: string) => `rollout rollout-${name}${preview ? ' provisional' : ''}`;
  return (
    <ul
      className="rollouts"
      data-testid="returns"
      data-phase={preview ? 'preview' : 'final'}
      data-computed={precomputed ? 'precomputed' : 'live'}
    >
      <AgentRow agent="hereditary" />
      <AgentRow agent="baseline" />
      <li
        className={cls('oracle')}
        data-testid="rollout-oracle"
        data-return={preview ? undefined : reference.oracle?.meanReturn}
      >
        <span className="swatch" />
        <span>Oracle (reads the goal; reference only)</span>
        <span className="value">{reference.oracle ? reference.oracle.meanReturn.toFixed(2) : '…'}</span>
      </li>
      <li
        className={cls('random')}
        data-testid="rollout-random"
        data-return={preview ? undefined : reference.random?.meanReturn}
      >
        <span className="swatch" />
        <span>Uniform random (reference)</span>
        <span className="value">{reference.random ? reference.random.meanReturn.toFixed(2) : '…'}</span>
      </li>
    </ul>
  );
}

export function RolloutPanel() {
  // Not the goal: it comes with the rollouts (below), so a drag redraws these panels once per update, with
  // the goal dot and the paths from the same update.
  const s = useSettings(
    useShallow(({ settings: st }) => ({
      training: st.training,
      train: st.train,
      pts: st.pts,
      own: st.family === 'points',
    })),
  );
  const chart = usePageChart();
  const oracle = useGoal((st) => st.reference.oracle);
  const agents = useGoal((st) => st.agents);
  const unavailable = useGoal((st) => st.agentsUnavailable);
  const baselineArtifact = useResults((st) => st.artifacts?.baseline ?? null);
  const hasResults = useResults((st) => st.artifacts !== null);
  const animate = useViewPrefs((p) => p.animate);
  const provisional = usePreview();
  const setAnimate = useViewPrefs((p) => p.setAnimate);
  // Until the first update arrives, the link's goal (read, not subscribed: the update follows at once).
  const goal = oracle ? oracle.goal : pageGoal(useSettings.getState().settings, chart).point;
  const train = useMemo(
    () =>
      s.training ? pageTasks({ ...useSettings.getState().settings, train: s.train, pts: s.pts }, chart) : [],
    [s.training, s.train, s.pts, chart],
  );
  const data: RolloutCompareData = useMemo(
    () => ({
      chart,
      ownGoals: s.own ? s.pts : null,
      goal,
      train: train.map((t) => t.point),
      oracle: oracle ? { path: oracle.path, meanReturn: oracle.meanReturn } : null,
      animate,
      provisional,
      agents: (['hereditary', 'baseline'] as const).map((key) => ({
        key,
        path: agents[key]?.path ?? null,
        meanReturn: agents[key]?.meanReturn ?? null,
        note:
          unavailable?.[key] ??
          (key === 'baseline' && hasResults && baselineArtifact === null
            ? 'baseline not trained yet'
            : hasResults
              ? 'rolling out…'
              : 'waiting for trained agents'),
      })),
    }),
    [
      chart,
      goal,
      train,
      s.pts,
      s.own,
      oracle,
      agents,
      unavailable,
      animate,
      provisional,
      hasResults,
      baselineArtifact,
    ],
  );
  return (
    <div className="rollout-panel">
      <div className="figure-head">
        <h2>Return at the test goal</h2>
        <label className="check">
          <input type="checkbox" checked={animate} onChange={(e) => setAnimate(e.target.checked)} />
          <span>animate paths</span>
        </label>
      </div>
      <ReturnsList />
      <PanelHost
        create={create}
        options={columnLayout}
        data={data}
        name="rollouts"
        className="rollout-compare"
        csv={() =>
          data.agents.flatMap((a) => {
            const p = a.path ?? [];
            return Array.from({ length: p.length / 2 }, (_, i) => ({
              agent: a.key,
              step: i,
              x: p[2 * i],
              y: p[2 * i + 1],
            }));
          })
        }
      />
    </div>
  );
}
