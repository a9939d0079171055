// Narrative 2 — a reward's symmetry is read off its level sets — next to the kernel frames and generator field.
import { useMemo, useState } from 'react';
import { radToDeg } from '../../core/angles';
import { goalAt } from '../../core/families';
import { type Generator, generatorAngleError } from '../../core/lie';
import { familyTruth } from '../../core/pipeline/truth';
import { create, type GeneratorFieldData } from '../../panels/generatorPanel';
import { COLOURS } from '../../panels/palette';
import { useResults } from '../../state/resultsStore';
import { PanelHost } from '../PanelHost';

type Which = 'closedForm' | 'differential' | 'functional';
const LABEL: Record<Which, string> = {
  closedForm: 'closed form (one eigen-solve)',
  differential: 'differential loss (Adam)',
  functional: 'functional loss (Adam)',
};
const options = {
  title: 'Symmetry of the base reward',
  description:
    'Grey ticks: estimated kernel frames (level-set directions) of the base reward. Arrows and solid lines: the discovered generator’s vector field and orbits. Dashed: the true rotation about the base goal.',
  arrowId: 'reward-arrow',
};

export function SymmetrySection() {
  const artifacts = useResults((s) => s.artifacts);
  const [which, setWhich] = useState<Which>('closedForm');
  const rs = artifacts?.rewardSymmetry;
  const candidates: Record<Which, Generator | null> = {
    closedForm: rs?.closedForm.generator ?? null,
    differential: rs?.differential ?? null,
    functional: rs?.functional ?? null,
  };
  const data: GeneratorFieldData | null = useMemo(() => {
    if (!artifacts || !rs) return null;
    const learned = (which === 'closedForm' ? rs.closedForm.generator : rs[which]) ?? rs.closedForm.generator;
    const truth = familyTruth(artifacts.config.family, artifacts.trainAngles[0]);
    const [gx, gy] = truth.baseGoal;
    const half = 2.2;
    return {
      box: { x0: gx - half, x1: gx + half, y0: gy - half, y1: gy + half },
      learned,
      learnedLabel: `discovered: ${LABEL[which]}`,
      colour: COLOURS.differential,
      truth: truth.rewardSymmetry,
      truthNote: 'rotation about the base goal',
      errorDeg: radToDeg(generatorAngleError(learned, truth.rewardSymmetry)),
      frames: rs.frames,
      orbitStarts: [0.45, 1.0, 1.6].map((r) => [gx + r, gy] as [number, number]),
      marks: [
        { x: gx, y: gy, label: 'base goal', kind: 'goal' },
        ...artifacts.trainAngles.slice(1).map((a) => {
          const [x, y] = goalAt(artifacts.config.family, a);
          return { x, y, label: 'training goal', kind: 'train' as const };
        }),
      ],
    };
  }, [artifacts, rs, which]);
  const closed = rs?.closedForm;
  return (
    <section className="story" aria-labelledby="story-symmetry">
      <div className="story-text">
        <p className="step">2 · Symmetry</p>
        <h2 id="story-symmetry">A reward’s symmetry is written in its level sets</h2>
        <p>
          The base task’s reward is <var>r</var>(<var>s</var>) = −‖<var>s</var> − <var>g</var>
          <sub>0</sub>‖. Moving a state along a level set does not change the reward, so every flow that
          follows the level sets is a symmetry. The grey ticks are <em>kernel frames</em>: the level-set
          direction at each sample, estimated from rewards alone.
        </p>
        <p>
          An affine generator <var>X</var> = [[<var>B</var>, <var>v</var>], [0, 0]] moves a point with
          velocity <var>B</var>
          <var>p</var> + <var>v</var>. It is a symmetry when that velocity is tangent to every level set:{' '}
          <span className="formula">
            <var>N</var>(<var>p</var>)<sup>⊤</sup>(<var>B</var>
            <var>p</var> + <var>v</var>) = 0
          </span>{' '}
          at all <var>p</var>, with <var>N</var> the normal frame. The condition is linear in <var>X</var>, so
          the best <var>X</var> is the eigenvector of the smallest eigenvalue of a 6×6 matrix — one solve.
        </p>
        {closed && (
          <p className="facts">
            Eigenvalues of that matrix:{' '}
            {closed.eigenvalues
              .slice(0, 3)
              .map((e) => e.toExponential(1))
              .join(', ')}
            , … — {closed.symmetryCount === 1 ? 'exactly one' : closed.symmetryCount} near zero, i.e.{' '}
            {closed.symmetryCount === 1 ? 'one symmetry' : `${closed.symmetryCount} symmetries`}.
          </p>
        )}
      </div>
      <figure className="story-figure">
        <div className="figure-head">
          <h3>Kernel frames and the discovered generator</h3>
          <label className="field inline">
            <span>show</span>
            <select value={which} onChange={(e) => setWhich(e.target.value as Which)}>
              {(Object.keys(LABEL) as Which[]).map((w) => (
                <option key={w} value={w} disabled={candidates[w] === null}>
                  {LABEL[w]}
                  {candidates[w] === null ? ' — not in these results' : ''}
                </option>
              ))}
            </select>
          </label>
        </div>
        {data ? (
          <PanelHost
            create={create}
            options={options}
            data={data}
            name="reward-symmetry"
            className="generator"
            exportData={{
              learned: data.learned,
              truth: data.truth,
              errorDeg: data.errorDeg,
              frames: rs?.frames,
            }}
          />
        ) : (
          <p className="placeholder">Waiting for results.</p>
        )}
        <figcaption>Truth (dashed) is drawn for scoring only; the learner never sees it.</figcaption>
      </figure>
    </section>
  );
}
