// The edit mode's switch and buttons: everything the mouse does on the panel, the keyboard can do from here.
import { useEdit } from '../state/editStore';
import { useSettings } from '../state/settingsStore';

export function EditToolbar() {
  const editing = useEdit((s) => s.editing);
  const selected = useEdit((s) => s.selected);
  const refusal = useEdit((s) => s.refusal);
  const count = useSettings(
    (s) => (s.settings.family === 'points' ? s.settings.pts : s.settings.train).length,
  );
  // Discovery needs the base and one other task; the reader's own goals, the base and two others.
  const min = useSettings((s) => (s.settings.family === 'points' ? 3 : 2));
  const retrain = useEdit((s) => s.retrain);
  const { setEditing, addInGap, remove, setRetrain } = useEdit.getState();
  return (
    <fieldset className="edit-toolbar">
      <legend className="visually-hidden">Edit the training tasks</legend>
      <button
        type="button"
        data-testid="edit-tasks"
        aria-pressed={editing}
        onClick={() => setEditing(!editing)}
      >
        {editing ? 'Done editing' : 'Edit training tasks'}
      </button>
      {editing && (
        <>
          <button type="button" data-testid="add-task" onClick={addInGap}>
            Add a task
          </button>
          <button
            type="button"
            data-testid="remove-task"
            disabled={selected === null || selected === 0 || count <= min}
            onClick={() => remove(selected)}
          >
            Remove selected
          </button>
          <label className="edit-retrain">
            <input
              type="checkbox"
              data-testid="edit-retrain"
              checked={retrain}
              onChange={(e) => setRetrain(e.target.checked)}
            />{' '}
            retrain both agents after each edit (in the background; cancel it under Live training)
          </label>
          <span className="edit-hint">
            Click the band to add a goal, drag a diamond to move it. Keys: Tab to a diamond, arrows move it
            (Shift: 10°), Delete removes it. The base task (filled) moves but stays.
          </span>
        </>
      )}
      {refusal && (
        <span className="edit-refusal" role="status" data-testid="edit-refusal">
          Not done: {refusal}.
        </span>
      )}
    </fieldset>
  );
}
