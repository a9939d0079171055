// Tests of the page's pretrained results: the shipped file, read through core, is what the default link asks for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRETRAINED_PATH, parsePretrainedText } from '../core/pipeline/pretrainedFile';
import { experimentConfigFromSettings, trainingDifferences } from '../state/derived';
import { defaultUrlState } from '../state/urlSchema';

describe('the shipped pretrained results on the page', () => {
  it('hold exactly the experiment the default link asks for (so the page does not retrain on open)', () => {
    const parsed = parsePretrainedText(readFileSync(join('public', PRETRAINED_PATH), 'utf8'));
    if ('error' in parsed) throw new Error(parsed.error);
    const wanted = experimentConfigFromSettings(defaultUrlState());
    expect(trainingDifferences(parsed.artifacts.config, wanted)).toEqual([]);
  });
});
