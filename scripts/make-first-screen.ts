// Writes public/pretrained/first-screen.json from the pretrained file: the agents' update at the page's default goal.
// Usage: tsx scripts/make-first-screen.ts [pretrained.json] [out.json]   (npm run pretrained calls it too)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIRST_SCREEN_PATH, firstScreenFile } from '../src/core/pipeline/firstScreen';
import { PRETRAINED_PATH, parsePretrainedText } from '../src/core/pipeline/pretrainedFile';
import { goalSettingsOf } from '../src/state/derived';
import { defaultUrlState } from '../src/state/urlSchema';

/** The first-screen file of a pretrained file's text (throws when the pretrained file is unusable). */
export function firstScreenText(pretrainedText: string): string {
  const parsed = parsePretrainedText(pretrainedText);
  if ('error' in parsed) throw new Error(`pretrained file unusable: ${parsed.error}`);
  const day = (JSON.parse(pretrainedText) as { generated_at: string }).generated_at;
  return JSON.stringify(firstScreenFile(parsed.artifacts, day, goalSettingsOf(defaultUrlState())));
}

if (process.argv[1]?.endsWith('make-first-screen.ts')) {
  const from = process.argv[2] ?? join('public', PRETRAINED_PATH);
  const out = process.argv[3] ?? join('public', FIRST_SCREEN_PATH);
  const text = firstScreenText(readFileSync(from, 'utf8'));
  writeFileSync(out, text);
  process.stderr.write(`wrote ${out} (${(text.length / 1024).toFixed(0)} kB)\n`);
}
