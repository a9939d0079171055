// Build a SAC learner of the chosen implementation (fused by default; 'tfjs' is the reference path).
import { FusedSac } from './fusedSac';
import { Sac, type SacConfig } from './sac';
import { DEFAULT_SAC_IMPL, type SacImpl, type SacTrainer } from './sacTrainer';

export function createSac(
  config: Partial<SacConfig> & Pick<SacConfig, 'obsDim' | 'seed'>,
  impl: SacImpl = DEFAULT_SAC_IMPL,
): SacTrainer {
  return impl === 'tfjs' ? new Sac(config) : new FusedSac(config);
}
