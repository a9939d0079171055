// Narrative 4 — one generator carries the base policy to every goal — next to the hereditary generator's orbits.
import { useMemo } from 'react';
import { radToDeg } from '../../core/angles';
import { familyCentre, goalAt } from '../../core/families';
import { generatorAngleError } from '../../core/lie';
import { familyTruth } from '../../core/pipeline/truth';
import { create, type GeneratorFieldData } from '../../panels/generatorPanel';
import { COLOURS } from '../../panels/palette';
import { create as createTheta } from '../../panels/thetaPanel';
import { useGoal } from '../../state/goalStore';
import { useResults } from '../../state/resultsStore';
import { useSettings } from '../../state/settingsStore';
import { PanelHost } from '../PanelHost';

const options = {
  title: 'The hereditary generator',
  description:
    'Arrows and solid orbits: the generator discovered from the training tasks. Dashed: the true one (rotation about the family centre). The orbit through the base goal should pass through every goal of the family.',
  arrowId: 'hereditary-arrow',
};

export function ReuseSection() {
  const artifacts = useResults((s) => s.artifacts);
  const her = artifacts?.hereditary.result ?? null;
  const inference = useGoal((s) => s.inference);
  const contextSize = useSettings((s) => s.settings.K);
  const data: GeneratorFieldData | null = useMemo(() => {
    if (!artifacts || !her) return null;
    const fam = artifacts.config.family;
    const truth = familyTruth(fam, artifacts.trainAngles[0]);
    const [cx, cy] = familyCentre(fam);
    // A line has no size of its own: show 2 arena units around its origin.
    const reach = fam.kind === 'circle' ? fam.radius : fam.kind === 'ellipse' ? Math.max(...fam.axes) : 2;
    const half = reach * 1.7;
    return {
      box: { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half },
      learned: her.generator,
      learnedLabel: 'discovered hereditary generator',
      colour: COLOURS.hereditary,
      truth: truth.hereditary,
      truthNote: truth.hereditary ? 'rotation about the family centre' : truth.note,
      errorDeg: truth.hereditary ? radToDeg(generatorAngleError(her.generator, truth.hereditary)) : null,
      frames: null,
      orbitStarts: [
        truth.baseGoal,
        [cx + reach * 0.45, cy] as [number, number],
        [cx + reach * 1.4, cy] as [number, number],
      ],
      marks: artifacts.trainAngles.map((a, i) => {
        const [x, y] = goalAt(fam, a);
        return {
          x,
          y,
          label: i === 0 ? 'base goal' : `task ${i}`,
          kind: i === 0 ? ('goal' as const) : ('train' as const),
        };
      }),
    };
  }, [artifacts, her]);
  return (
    <section className="story" aria-labelledby="story-reuse">
      <div className="story-text">
        <p className="step">4 · Reuse</p>
        <h2 id="story-reuse">One base policy, carried everywhere</h2>
        <p>
          If every task is the base task moved by a group element, <var>r</var>
          <sub>
            <var>i</var>
          </sub>{' '}
          = <var>r</var>
          <sub>0</sub> ∘ <var>L</var>
          <sub>
            <var>i</var>
          </sub>
          <sup>−1</sup> with <var>L</var>
          <sub>
            <var>i</var>
          </sub>{' '}
          = e
          <sup>
            θ<sub>i</sub>
            <var>X</var>
          </sup>
          , then one generator <var>X</var> relates them all. It is found from the training tasks alone: each
          task’s map is fitted, aligned along the base symmetry, then fitted jointly.
        </p>
        <p>
          At a new goal the agent gathers <var>K</var> transitions, finds the angle θ* that best explains
          their rewards (a 1-D search — the group is compact), and acts with{' '}
          <span className="formula">
            π(<var>s</var>) = <var>A</var>(θ*) π<sub>0</sub>(e
            <sup>
              −θ*<var>X</var>
            </sup>
            <var>s̃</var>)
          </span>
          , rotating the base policy’s action back with the linear part <var>A</var>.
        </p>
        {her && (
          <p className="facts" data-testid="hereditary-facts">
            {her.reason} Task angles θ<sub>i</sub>:{' '}
            {her.thetas.map((t) => `${radToDeg(t).toFixed(1)}°`).join(', ')}.
          </p>
        )}
      </div>
      <figure className="story-figure">
        <h3>The hereditary generator</h3>
        {data ? (
          <PanelHost
            create={create}
            options={options}
            data={data}
            name="hereditary-generator"
            className="generator"
            exportData={{
              generator: her?.generator,
              thetas: her?.thetas,
              truth: data.truth,
              errorDeg: data.errorDeg,
            }}
          />
        ) : (
          <p className="placeholder">Waiting for results.</p>
        )}
        <figcaption>Truth (dashed) is for scoring only. Diamonds: the training goals.</figcaption>
        <h3>θ* at the current test goal</h3>
        {inference ? (
          <PanelHost
            create={createTheta}
            options={undefined}
            data={inference}
            name="theta-search"
            className="generator"
            csv={() =>
              inference.gridThetas.map((t, i) => ({ theta_rad: t, context_loss: inference.gridLosses[i] }))
            }
          />
        ) : (
          <p className="placeholder">Waiting for the agent at the test goal.</p>
        )}
        <figcaption>
          The context loss Σ<sub>k</sub>(r<sub>k</sub> − f̂<sub>0</sub>(e<sup>−θX</sup>s̃′<sub>k</sub>))
          <sup>2</sup> over θ, from the K = {contextSize} shared context transitions; the dashed truth reads
          the goal and is a diagnostic.
        </figcaption>
      </figure>
    </section>
  );
}
