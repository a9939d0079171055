// The task-space panel's edit mode: whether it is on, which training task is selected, and the last refusal.
import { create } from 'zustand';
import { useSettings } from './settingsStore';
import { addTask, type EditResult, moveTask, removeTask, widestGapMiddle } from './trainingEdits';

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
  add(deg: number): void;
  /** Add one where the keyboard can reach: the middle of the widest gap between training goals. */
  addInGap(): void;
  move(index: number, deg: number): void;
  step(index: number, deltaDeg: number): void;
  remove(index: number | null): void;
}

/** Apply an edit to the link's training set (the link is the one source of truth), or keep the reason. */
function apply(r: EditResult, set: (p: Partial<EditState>) => void, get: () => EditState) {
  if (!r.ok) return set({ refusal: r.reason });
  useSettings.getState().update({ train: r.train });
  set({ selected: r.selected, refusal: null, edits: get().edits + 1 });
}

const train = () => useSettings.getState().settings.train;

export const useEdit = create<EditState>()((set, get) => ({
  editing: false,
  selected: null,
  refusal: null,
  edits: 0,
  retrain: true,
  setRetrain: (on) => set({ retrain: on }),
  setEditing: (on) => set({ editing: on, selected: on ? get().selected : null, refusal: null }),
  select: (index) => set({ selected: index }),
  add: (deg) => apply(addTask(train(), deg), set, get),
  addInGap: () => apply(addTask(train(), widestGapMiddle(train())), set, get),
  move: (index, deg) => apply(moveTask(train(), index, deg), set, get),
  step: (index, delta) => {
    const t = train();
    if (index >= 0 && index < t.length) apply(moveTask(t, index, t[index] + delta), set, get);
  },
  remove: (index) => {
    if (index === null) return set({ refusal: 'select a training task first' });
    apply(removeTask(train(), index), set, get);
  },
}));
