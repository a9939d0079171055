// The race streamed from the live run's reward-symmetry stage, under the stage rows (until the run ends).
import { useMemo } from 'react';
import { resolvedTrainingAngles } from '../core/experimentConfig';
import { goalAt } from '../core/families';
import { create } from '../panels/liveRacePanel';
import { useResults } from '../state/resultsStore';
import { PanelHost } from './PanelHost';

const none = {};

export function LiveRace() {
  const points = useResults((s) => s.live.race);
  const status = useResults((s) => s.live.status);
  const config = useResults((s) => s.live.config);
  const data = useMemo(() => {
    if (!points?.length || !config) return null;
    const goal = goalAt(config.family, resolvedTrainingAngles(config)[0]);
    return { points, baseGoal: [goal[0], goal[1]] as [number, number] };
  }, [points, config]);
  if (!points?.length || !data || status === 'idle') return null;
  const last = points.at(-1);
  return (
    <figure className="live-race" data-testid="live-race" data-points={points.length}>
      <PanelHost
        create={create}
        options={none}
        data={data}
        name="live-race"
        csv={() => points.map((p) => ({ side: p.side, step: p.step, error_deg: p.errorDeg, loss: p.loss }))}
      />
      <figcaption className="muted">
        The race as it runs ({last?.setting} setting): median error over the seeds, each side in turn
        {last ? ` — ${last.side} at step ${last.step} of ${last.steps}, ${last.errorDeg.toFixed(2)}°` : ''}.
      </figcaption>
    </figure>
  );
}
