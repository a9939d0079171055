// Regenerates public/pretrained/default.json (the default experiment run headless, command and seed recorded inside)
// and first-screen.json beside it (the agents' update at the page's default goal, from that run).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runExperiment } from '../src/cli/experiment';
import { DEFAULT_CONFIG } from '../src/core/experimentConfig';
import { FIRST_SCREEN_PATH } from '../src/core/pipeline/firstScreen';
import {
  PRETRAINED_PATH,
  parsePretrainedText,
  pretrainedFile,
  serializePretrained,
} from '../src/core/pipeline/pretrainedFile';
import { DEFAULT_REPORT_OPTIONS } from '../src/core/pipeline/reportOptions';
import { firstScreenText } from './make-first-screen';

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
// The page's first screen at the default goal, precomputed from this run (it must never describe another run).
const first = firstScreenText(text);
const firstOut = join(dirname(out), FIRST_SCREEN_PATH.split('/').pop() as string);
writeFileSync(firstOut, first);
process.stderr.write(`wrote ${firstOut} (${(first.length / 1024).toFixed(0)} kB)\n`);
