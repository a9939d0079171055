// How long the plain-JS stages (exploration, reward-symmetry frames, the hereditary fit) work between yields: how soon a
// pause can land. Usage: npm run bench:yields [-- --budget quick|full|smoke] [--reps 2] [--yielding-first]
import { type Budget, DEFAULT_CONFIG, type ExperimentConfig } from '../core/experimentConfig';
import type { StageHooks } from '../core/pipeline/artifacts';
import { baseRewardFrames, exploreStage, hereditaryStage } from '../core/pipeline/stages';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

/** This process's CPU time in ms: on a shared machine wall time also counts other processes' turns. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Stretch {
  cpu: number;
  wall: number;
}

/** Run `stage` with a hook that times the work between consecutive yields (the first and last stretch included). */
async function stretches(stage: (hooks: StageHooks) => Promise<unknown>): Promise<Stretch[]> {
  const out: Stretch[] = [];
  let cpu = cpuMs();
  let wall = performance.now();
  const mark = () => out.push({ cpu: cpuMs() - cpu, wall: performance.now() - wall });
  await stage({
    yieldHook: async () => {
      mark();
      await new Promise<void>((resolve) => setImmediate(resolve));
      cpu = cpuMs();
      wall = performance.now();
    },
  });
  mark();
  return out;
}

/** Straight through (as before the stages yielded): the whole stage is one stretch. */
async function straight(stage: () => Promise<unknown>): Promise<Stretch> {
  const cpu = cpuMs();
  const wall = performance.now();
  await stage();
  return { cpu: cpuMs() - cpu, wall: performance.now() - wall };
}

/**
 * A stage straight through (before it yielded: one stretch) and yielding (after). The first run of a rep-0 stage is
 * the unwarmed one: the straight run unless --yielding-first.
 */
async function compare(
  name: string,
  yieldingFirst: boolean,
  stage: (hooks?: StageHooks) => Promise<unknown>,
): Promise<void> {
  if (yieldingFirst) {
    const s = await stretches(stage);
    report(name, await straight(() => stage()), s);
  } else {
    const whole = await straight(() => stage());
    report(name, whole, await stretches(stage));
  }
}

const fmt = (x: number) => x.toFixed(1).padStart(7);

function report(name: string, whole: Stretch, s: readonly Stretch[]): void {
  const cpu = s.map((x) => x.cpu).sort((a, b) => a - b);
  const wall = s.map((x) => x.wall).sort((a, b) => a - b);
  const total = cpu.reduce((a, b) => a + b, 0);
  console.log(
    `${name.padEnd(11)} straight through ${fmt(whole.cpu)} ms CPU (${fmt(whole.wall)} wall) | yielding: ` +
      `${String(s.length - 1).padStart(4)} yields, longest stretch ${fmt(cpu[cpu.length - 1])} ms CPU ` +
      `(${fmt(wall[wall.length - 1])} wall), median ${cpu[Math.floor(cpu.length / 2)].toFixed(2)} ms, ` +
      `work ${fmt(total)} ms CPU`,
  );
}

async function main(): Promise<void> {
  const budget = arg('budget', 'quick') as Budget;
  const reps = Number(arg('reps', '2'));
  const yieldingFirst = process.argv.includes('--yielding-first');
  const config: ExperimentConfig = { ...DEFAULT_CONFIG, budget };
  console.log(
    `budget ${budget}, default family, seed ${config.seed}; the first rep includes JIT warm-up ` +
      `(in the ${yieldingFirst ? 'yielding' : 'straight'} run of each stage)`,
  );
  for (let r = 0; r < reps; r++) {
    const samples = await exploreStage(config);
    await compare('explore', yieldingFirst, (h) => exploreStage(config, h));
    // The reward-symmetry stage's frames (the closed form and the race after them yield on their own schedule).
    await compare('frames', yieldingFirst, (h) => baseRewardFrames(config, samples[0], h));
    await compare('hereditary', yieldingFirst, (h) => hereditaryStage(config, samples, h));
  }
}

void main();
