// The task-space view: the family's goal curve, training goals, rollouts and the draggable test goal.
import { drag, select } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import { goalAt } from '../core/families';
import { angleOfPoint, degToRad, familyFromSettings, normaliseGoalDeg, radToDeg } from '../state/derived';
import { useJobs } from '../state/jobsStore';
import { useSettings } from '../state/settingsStore';
import { familyCurvePath, statePath, VIEW_SIZE, viewFor } from './taskSpaceGeometry';

export function TaskSpaceView() {
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const reference = useJobs((s) => s.reference);
  const agents = useJobs((s) => s.agents);
  const svgRef = useRef<SVGSVGElement>(null);
  const handleRef = useRef<SVGCircleElement>(null);

  const { family, cx, cy, radius, alpha, beta, tilt, reward } = settings;
  const familyValue = useMemo(
    () => familyFromSettings({ family, cx, cy, radius, alpha, beta, tilt, reward }),
    [family, cx, cy, radius, alpha, beta, tilt, reward],
  );
  const view = useMemo(() => viewFor(familyValue), [familyValue]);
  const curve = useMemo(() => familyCurvePath(familyValue, view), [familyValue, view]);

  // d3.drag on the handle: the pointer's angle in the family's chart becomes the test goal.
  useEffect(() => {
    const svg = svgRef.current;
    const handle = handleRef.current;
    if (!svg || !handle) return;
    const behaviour = drag<SVGCircleElement, unknown>()
      .container(svg)
      .on('drag', (event: { x: number; y: number }) => {
        const [x, y] = view.toWorld(event.x, event.y);
        update({ goal: normaliseGoalDeg(radToDeg(angleOfPoint(familyValue, x, y))) });
      });
    select(handle).call(behaviour);
    return () => {
      select(handle).on('.drag', null);
    };
  }, [familyValue, view, update]);

  const onKeyDown = (e: React.KeyboardEvent<SVGCircleElement>) => {
    const step = e.shiftKey ? 10 : 1;
    const delta =
      e.key === 'ArrowRight' || e.key === 'ArrowUp'
        ? step
        : e.key === 'ArrowLeft' || e.key === 'ArrowDown'
          ? -step
          : 0;
    if (delta === 0) return;
    e.preventDefault();
    update({ goal: normaliseGoalDeg(settings.goal + delta) });
  };

  const goal = goalAt(familyValue, degToRad(settings.goal));
  const [gx, gy] = view.toPx(goal[0], goal[1]);
  const [ox, oy] = view.toPx(0, 0);
  const [ccx, ccy] = view.toPx(familyValue.center[0], familyValue.center[1]);

  return (
    <figure className="task-space">
      <svg
        ref={svgRef}
        viewBox={`0 0 ${VIEW_SIZE} ${VIEW_SIZE}`}
        className="task-space-svg"
        role="img"
        aria-label="Task space: goal curve, training goals and test goal"
        data-testid="task-space"
      >
        <path d={curve} className="family-curve" />
        <circle cx={ccx} cy={ccy} r={3} className="family-centre" />
        <circle cx={ox} cy={oy} r={4} className="start" />
        {settings.paths && reference.random && (
          <path
            d={statePath(reference.random.path, view)}
            className="path path-random"
            data-testid="path-random"
          />
        )}
        {settings.paths && reference.oracle && (
          <path
            d={statePath(reference.oracle.path, view)}
            className="path path-oracle"
            data-testid="path-oracle"
          />
        )}
        {settings.paths && agents.hereditary && (
          <path d={statePath(agents.hereditary.path, view)} className="path path-hereditary" />
        )}
        {settings.paths && agents.baseline && (
          <path d={statePath(agents.baseline.path, view)} className="path path-baseline" />
        )}
        {settings.training &&
          settings.train.map((deg, i) => {
            const [tx, ty] = goalAt(familyValue, degToRad(deg));
            const [px, py] = view.toPx(tx, ty);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: position in the list is the task's identity (base first)
              <g key={`${i}-${deg}`} className={i === 0 ? 'train-goal base' : 'train-goal'}>
                <rect x={px - 6} y={py - 6} width={12} height={12} />
                <title>{i === 0 ? `base task ${deg}°` : `training task ${deg}°`}</title>
              </g>
            );
          })}
        <circle
          ref={handleRef}
          cx={gx}
          cy={gy}
          r={11}
          className="goal-handle"
          data-testid="goal-handle"
          data-angle={settings.goal}
          tabIndex={0}
          role="slider"
          aria-label="Test goal angle"
          aria-valuemin={0}
          aria-valuemax={360}
          aria-valuenow={settings.goal}
          aria-valuetext={`${settings.goal}°`}
          onKeyDown={onKeyDown}
        />
      </svg>
      <figcaption>
        Drag the test goal (or focus it and use the arrow keys). Squares: training goals (filled: the base
        task). Grey dot: start of each episode.
      </figcaption>
    </figure>
  );
}
