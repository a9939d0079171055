// The task-space panel's edit mode: whether it is on, which training task is selected, and the last refusal.
import { create } from 'zustand';
import { familyFromSettings } from './derived';
import { chartOf } from './orbitChart';
import { useSettings } from './settingsStore';
import {
  type ArrowKey,
  addPoint,
  addTask,
  DEGREE_RULES,
  type EditResult,
  lineRules,
  movePoint,
  moveTask,
  nextPoint,
  type Point,
  removePoint,
  removeTask,
  type ScalarRules,
  widestGapMiddle,
} from './trainingEdits';
import type { UrlState } from './urlSchema';

export interface EditState {
  editing: boolean;
  /** Index of the selected training task (0 = the base task), or null. */
  selected: number | null;
  /** Why the last edit was refused ("at most 16 training tasks" …), cleared by the next edit that lands. */
  refusal: string | null;
  /** Counts the edits that landed: the background retrain waits for it to stay still. */
  edits: number;
  /** Retrain the agents on the edited set in the background once the edits stop (the reader can switch it off). */
  retrain: boolean;
  setRetrain(on: boolean): void;
  setEditing(on: boolean): void;
  select(index: number | null): void;
  /** Add a training goal at the world point (x, y): on an orbit, at its nearest point; the reader's goals, there. */
  add(x: number, y: number): void;
  /** Add one where the keyboard can reach: the middle of the widest gap between training goals (or past the last). */
  addInGap(): void;
  move(index: number, x: number, y: number): void;
  /** One arrow-key step: along the orbit (±1°/±10°, ±0.05/±0.5 on a line), or the reader's goal by 0.05 / 0.5. */
  step(index: number, key: ArrowKey, large: boolean): void;
  remove(index: number | null): void;
}

/** Apply an edit to the link's training set (the link is the one source of truth), or keep the reason. */
function apply(
  r: EditResult<number> | EditResult<Point>,
  field: 'train' | 'pts',
  set: (p: Partial<EditState>) => void,
  get: () => EditState,
) {
  if (!r.ok) return set({ refusal: r.reason });
  useSettings.getState().update({ [field]: r.train } as Partial<UrlState>);
  set({ selected: r.selected, refusal: null, edits: get().edits + 1 });
}

const settings = () => useSettings.getState().settings;

/** The orbit of a circle, ellipse or line family, and how its training parameters are edited. */
function scalar(s: UrlState) {
  const chart = chartOf(familyFromSettings(s));
  const rules: ScalarRules = chart.periodic ? DEGREE_RULES : lineRules(chart.range);
  return { chart, rules };
}

const forward = (key: ArrowKey) => key === 'ArrowRight' || key === 'ArrowUp';

export const useEdit = create<EditState>()((set, get) => ({
  editing: false,
  selected: null,
  refusal: null,
  edits: 0,
  retrain: true,
  setRetrain: (on) => set({ retrain: on }),
  setEditing: (on) => set({ editing: on, selected: on ? get().selected : null, refusal: null }),
  select: (index) => set({ selected: index }),
  add: (x, y) => {
    const s = settings();
    if (s.family === 'points') return apply(addPoint(s.pts, [x, y]), 'pts', set, get);
    const { chart, rules } = scalar(s);
    apply(addTask(s.train, chart.paramOf([x, y]), rules), 'train', set, get);
  },
  addInGap: () => {
    const s = settings();
    if (s.family === 'points') return apply(addPoint(s.pts, nextPoint(s.pts)), 'pts', set, get);
    const { rules } = scalar(s);
    apply(addTask(s.train, widestGapMiddle(s.train, rules), rules), 'train', set, get);
  },
  move: (index, x, y) => {
    const s = settings();
    if (s.family === 'points') return apply(movePoint(s.pts, index, [x, y]), 'pts', set, get);
    const { chart, rules } = scalar(s);
    apply(moveTask(s.train, index, chart.paramOf([x, y]), rules), 'train', set, get);
  },
  step: (index, key, large) => {
    const s = settings();
    if (s.family === 'points') {
      const p = s.pts[index];
      if (!p) return;
      const d = large ? 0.5 : 0.05;
      const [dx, dy] =
        key === 'ArrowLeft' ? [-d, 0] : key === 'ArrowRight' ? [d, 0] : key === 'ArrowUp' ? [0, d] : [0, -d];
      return apply(movePoint(s.pts, index, [p[0] + dx, p[1] + dy]), 'pts', set, get);
    }
    const { chart, rules } = scalar(s);
    const v = s.train[index];
    if (v === undefined) return;
    const d = large ? chart.step.large : chart.step.small;
    apply(moveTask(s.train, index, v + (forward(key) ? d : -d), rules), 'train', set, get);
  },
  remove: (index) => {
    if (index === null) return set({ refusal: 'select a training task first' });
    const s = settings();
    if (s.family === 'points') return apply(removePoint(s.pts, index), 'pts', set, get);
    apply(removeTask(s.train, index), 'train', set, get);
  },
}));
