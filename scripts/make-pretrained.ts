// Regenerates public/pretrained/default.json: the default experiment run headless (command and seed recorded inside).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { runExperiment } from '../src/cli/experiment';
import { DEFAULT_CONFIG } from '../src/core/experimentConfig';

const out = process.argv[2] ?? 'public/pretrained/default.json';
const config = { ...DEFAULT_CONFIG };
const { artifacts, report } = await runExperiment(config);
mkdirSync(dirname(out), { recursive: true });
const file = {
  format: 'hereditary-pretrained/1',
  generated_by: 'npm run pretrained (tsx scripts/make-pretrained.ts)',
  generated_at: new Date().toISOString().slice(0, 10),
  seed: config.seed,
  artifacts,
  report_summary: {
    timings_ms: report.timings_ms,
    base_score: report.base_policy?.score,
    generators: report.generators,
    truth_errors_deg: report.truth.errors_deg,
    evaluation_summary: report.evaluation_summary,
    race_speedup_median: report.discovery_race?.speedup_median,
  },
};
writeFileSync(out, JSON.stringify(file));
process.stderr.write(`wrote ${out} (${(JSON.stringify(file).length / 1024).toFixed(0)} kB)\n`);
