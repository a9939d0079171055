// The page's orbit chart, shared by the task space and the rollout panels: one object per family (and, for the
// reader's own goals, per verdict), so panels redraw their static layers only when it changes.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DiscoveredOrbit } from '../core/pipeline/evaluationOrbit';
import { familySettingsOf } from '../state/derived';
import { type OrbitChart, pageChart } from '../state/orbitChart';
import { useSettings } from '../state/settingsStore';
import type { UrlState } from '../state/urlSchema';
import { useVerdict, type VerdictState } from '../state/verdictStore';

/** The orbit the reader's own goals were found to lie on (from the verdict on screen). */
const discoveredOf = (st: VerdictState): DiscoveredOrbit | null =>
  st.status === 'done' ? (st.summary?.discovered ?? null) : null;

/** The chart as it is now, read at event time (a drag must not wait for a render). */
export const chartNow = (s: UrlState): OrbitChart => pageChart(s, discoveredOf(useVerdict.getState()));

export function usePageChart(): OrbitChart {
  const fields = useSettings(useShallow((st) => familySettingsOf(st.settings)));
  const discovered = useVerdict((st) => (fields.family === 'points' ? discoveredOf(st) : null));
  // pageChart reads only the family fields of the settings.
  return useMemo(() => pageChart(fields as UrlState, discovered), [fields, discovered]);
}
