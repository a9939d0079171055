// Regenerates public/pretrained/default.json: the default experiment run headless (command and seed recorded inside).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runExperiment } from '../src/cli/experiment';
import { DEFAULT_CONFIG } from '../src/core/experimentConfig';
import {
  PRETRAINED_PATH,
  parsePretrainedText,
  pretrainedFile,
  serializePretrained,
} from '../src/core/pipeline/pretrainedFile';
import { DEFAULT_REPORT_OPTIONS } from '../src/core/pipeline/reportOptions';

const out = process.argv[2] ?? join('public', PRETRAINED_PATH);
const config = { ...DEFAULT_CONFIG };
// Every race setting (the page switches between them) and the dense control (the score figure can overlay it).
const options = { ...DEFAULT_REPORT_OPTIONS, withControl: true };
const { artifacts, report } = await runExperiment(config, options);
const text = serializePretrained(
  pretrainedFile(artifacts, report, {
    generatedBy:
      'npm run pretrained (tsx scripts/make-pretrained.ts: the default experiment, every race setting, --with-control)',
    generatedAt: new Date(),
  }),
);
// Never ship a file the page would refuse.
const check = parsePretrainedText(text);
if ('error' in check) throw new Error(`not written: ${check.error}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
process.stderr.write(`wrote ${out} (${(text.length / 1024).toFixed(0)} kB)\n`);
