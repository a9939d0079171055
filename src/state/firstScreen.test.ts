// The shipped first screen: it is the shipped run less its deferred parts, sits at the page's default goal, and
// holds what the worker computes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIRST_SCREEN_PATH,
  firstScreenArtifactsOf,
  firstScreenBelongsTo,
  firstScreenFile,
  readFirstScreen,
  settingsKey,
  withDeferredArtifacts,
} from '../core/pipeline/firstScreen';
import { PRETRAINED_PATH, parsePretrainedText } from '../core/pipeline/pretrainedFile';
import { sameAgents } from '../core/testTime/agents';
import { goalSettingsOf } from './derived';
import { defaultUrlState } from './urlSchema';

const pretrainedText = readFileSync(join('public', PRETRAINED_PATH), 'utf8');
const day = (JSON.parse(pretrainedText) as { generated_at: string }).generated_at;
const parsed = parsePretrainedText(pretrainedText);
if ('error' in parsed) throw new Error(parsed.error);
const artifacts = parsed.artifacts;
const shippedText = readFileSync(join('public', FIRST_SCREEN_PATH), 'utf8');
const shipped = readFirstScreen(JSON.parse(shippedText));
/** Through JSON, as the page reads it. */
const viaJson = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('first-screen.json', () => {
  it('belongs to the shipped run and was computed at the default goal settings (npm run pretrained rewrites it)', () => {
    expect(shipped).not.toBeNull();
    expect(firstScreenBelongsTo(shipped!, artifacts, day)).toBe(true);
    expect(settingsKey(shipped!.settings)).toBe(settingsKey(goalSettingsOf(defaultUrlState())));
  });

  it('holds the shipped run less only the parts the stories read, and is much smaller than the whole file', () => {
    expect(shipped!.artifacts).toEqual(viaJson(firstScreenArtifactsOf(artifacts)));
    // What the first screen reads is there: the scored test goals (rings) and the kernel frames.
    expect(shipped!.artifacts.evaluation?.rows.length).toBe(artifacts.evaluation?.rows.length);
    expect(shipped!.artifacts.rewardSymmetry.frames).toEqual(artifacts.rewardSymmetry.frames);
    expect(shipped!.artifacts.rewardSymmetry.raceSettings).toBeUndefined();
    expect(shipped!.artifacts.baselineControl).toBeUndefined();
    // The race's curves keep their ends only (the stories draw them from the whole file); its figures stay.
    const { race } = shipped!.artifacts.rewardSymmetry;
    const wholeRace = artifacts.rewardSymmetry.race;
    for (const side of ['differential', 'functional'] as const)
      race[side].runs.forEach((run, i) => {
        const full = wholeRace[side].runs[i].curve;
        expect(run.curve.map((c) => c.step)).toEqual([full[0].step, full[full.length - 1].step]);
        expect({ ...run, curve: [] }).toEqual(viaJson({ ...wholeRace[side].runs[i], curve: [] }));
      });
    expect(shippedText.length).toBeLessThan(0.35 * pretrainedText.length);
  });

  it('completed with the whole file, is the shipped run, with the agents it showed (not rolled out again)', () => {
    const whole = withDeferredArtifacts(shipped!.artifacts, artifacts);
    expect(whole).toEqual(viaJson(artifacts));
    expect(sameAgents(whole, shipped!.artifacts)).toBe(true);
  });

  it('holds exactly the update the agents worker would compute there (same function, same numbers)', () => {
    const now = firstScreenFile(artifacts, day, goalSettingsOf(defaultUrlState()));
    expect(shipped!.update).toEqual(viaJson(now.update));
    expect(now.update.agents.hereditary).not.toBeNull();
    expect(now.update.agents.baseline).not.toBeNull();
  });

  it('is refused for another run: a different day, seed or generator', () => {
    expect(firstScreenBelongsTo(shipped!, artifacts, '1999-01-01')).toBe(false);
    expect(
      firstScreenBelongsTo(shipped!, { ...artifacts, config: { ...artifacts.config, seed: 99 } }, day),
    ).toBe(false);
    const generator = artifacts.hereditary.result.generator.map((v, i) => (i === 0 ? v + 1e-9 : v));
    const other = {
      ...artifacts,
      hereditary: { ...artifacts.hereditary, result: { ...artifacts.hereditary.result, generator } },
    };
    expect(firstScreenBelongsTo(shipped!, other, day)).toBe(false);
    expect(firstScreenBelongsTo(shipped!, artifacts, null)).toBe(false);
  });

  it('is unusable when it is not a first-screen file, or its fingerprint is not the run it carries', () => {
    const file = JSON.parse(shippedText);
    expect(readFirstScreen({ format: 'something else' })).toBeNull();
    expect(readFirstScreen({ ...file, format: 'hereditary-first-screen/2' })).toBeNull();
    expect(readFirstScreen({ ...file, artifacts: { ...file.artifacts, base: undefined } })).toBeNull();
    expect(readFirstScreen({ ...file, run: { ...file.run, seed: 99 } })).toBeNull();
  });
});
