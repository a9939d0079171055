// After the reader's edits of the training set stop, the agents retrain on it in the background (cancellable).
import { useEffect } from 'react';
import { experimentConfigFromSettings } from '../state/derived';
import { useEdit } from '../state/editStore';
import { useSettings } from '../state/settingsStore';
import type { Compute } from './useCompute';
import { trainSettings } from './useLiveTraining';

/** Quiet time after the last edit before a retrain starts (a drag is many edits). */
export const RETRAIN_QUIET_MS = 1500;

export function useEditRetrain(compute: Compute | null): void {
  const edits = useEdit((s) => s.edits);
  const retrain = useEdit((s) => s.retrain);
  useEffect(() => {
    if (!compute || !retrain || edits === 0) return;
    const timer = setTimeout(() => {
      if (!useEdit.getState().retrain) return;
      // The base task and everything it trains in are usually unchanged: the live run keeps that base policy.
      trainSettings(compute, experimentConfigFromSettings(useSettings.getState().settings));
    }, RETRAIN_QUIET_MS);
    return () => clearTimeout(timer);
  }, [compute, edits, retrain]);
}
