// How long the plain-JS stages (exploration, the hereditary fit) work between yields: how soon a pause can land.
// Usage: npm run bench:yields [-- --budget quick|full|smoke] [--reps 2]
import { type Budget, DEFAULT_CONFIG, type ExperimentConfig } from '../core/experimentConfig';
import type { StageHooks } from '../core/pipeline/artifacts';
import { exploreStage, hereditaryStage } from '../core/pipeline/stages';

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
  const config: ExperimentConfig = { ...DEFAULT_CONFIG, budget };
  console.log(`budget ${budget}, default family, seed ${config.seed}; the first rep includes JIT warm-up`);
  for (let r = 0; r < reps; r++) {
    const samples = await exploreStage(config);
    report(
      'explore',
      await straight(() => exploreStage(config)),
      await stretches((h) => exploreStage(config, h)),
    );
    report(
      'hereditary',
      await straight(() => hereditaryStage(config, samples)),
      await stretches((h) => hereditaryStage(config, samples, h)),
    );
  }
}

void main();
