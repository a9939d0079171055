// Tests of the export's backend provenance: the backends really used, never the link's empty override.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../core/experimentConfig';
import type { BackendReport } from '../protocol/backend';
import { backendProvenance } from './exportProvenance';
import type { JobState } from './jobsStore';

const report: BackendReport = {
  phase: 'done',
  order: ['webgpu', 'webgl', 'wasm', 'cpu'],
  overridden: false,
  probes: [],
  best: 'webgpu',
  adapter: null,
  choices: [
    { workload: 'rl', backend: 'wasm', reason: '', timings: [] },
    { workload: 'bulk', backend: 'webgpu', reason: '', timings: [] },
  ],
};

describe('backendProvenance', () => {
  it('lists the calibrated backends and the CLI backend of pretrained results', () => {
    const p = backendProvenance(report, 'pretrained', DEFAULT_CONFIG, {}, {});
    expect(p.used).toEqual(['wasm', 'webgpu']);
    expect(p.byWorkload).toEqual({ rl: 'wasm', bulk: 'webgpu' });
    expect(p.results.backend).toMatch(/^wasm/);
  });

  it('adds the backends the live stages ran on', () => {
    const job = (backend: string | null): JobState => ({
      job: 'x',
      stage: 'train-base',
      status: 'done',
      step: 1,
      total: 1,
      backend,
    });
    const p = backendProvenance(
      { ...report, choices: [report.choices[0]] },
      'live',
      DEFAULT_CONFIG,
      { 'train-base': 'j1', hereditary: 'j2' },
      { j1: job('cpu'), j2: job(null) },
    );
    expect(p.used).toEqual(['wasm', 'cpu']);
    expect(p.results.stages).toEqual({ 'train-base': 'cpu' });
  });

  it('falls back to the best available backend before calibration has chosen', () => {
    const p = backendProvenance({ ...report, phase: 'calibrating', choices: [] }, null, null, {}, {});
    expect(p.used).toEqual(['webgpu']);
  });
});
