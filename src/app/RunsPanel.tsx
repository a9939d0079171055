// The runs list: every kept run and the shipped one, each with its settings, date and scores; open, rename,
// delete, export one as a file, import a file, and how much of the browser's storage they use.
import { useState } from 'react';
import { downloadBlob } from '../panels/exportFigure';
import { isBusy, useResults } from '../state/resultsStore';
import {
  AUTO_SAVED_RUNS_KEPT,
  describeScores,
  describeSettings,
  PRETRAINED_RUN_ID,
  runFileName,
  runFileText,
} from '../state/runs';
import {
  allRuns,
  deleteRun,
  dismissRunsMessage,
  importRunFile,
  type ListedRun,
  listedRuns,
  loadRun,
  openRun,
  RUNS_LISTED,
  renameRun,
  useRuns,
} from '../state/runsStore';
import './runs.css';
import { shownRunLabel } from './StaleRegion';

const MB = 1024 * 1024;
const size = (bytes: number) =>
  bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(1)} GB` : `${(bytes / MB).toFixed(1)} MB`;

async function exportRun(id: string): Promise<void> {
  const run = await loadRun(id);
  if (!run) return;
  downloadBlob(new Blob([runFileText(run)], { type: 'application/json' }), runFileName(run));
}

function RenameForm({ run, done }: { run: ListedRun; done: () => void }) {
  const [name, setName] = useState(run.name);
  return (
    <form
      className="run-rename"
      onSubmit={(e) => {
        e.preventDefault();
        void renameRun(run.id, name).then(done);
      }}
    >
      <input
        aria-label={`New name for ${run.name}`}
        data-testid="run-rename-input"
        value={name}
        maxLength={80}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" data-testid="run-rename-save">
        Save
      </button>
      <button type="button" onClick={done}>
        Cancel
      </button>
    </form>
  );
}

function RunItem({ run, shown, busy }: { run: ListedRun; shown: boolean; busy: boolean }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const shipped = run.id === PRETRAINED_RUN_ID;
  return (
    <li
      className={`run-item${shown ? ' shown' : ''}`}
      data-testid="run-item"
      data-run-id={run.id}
      data-shown={shown ? 'true' : 'false'}
    >
      <div className="run-name" data-testid="run-name">
        {run.name}
        {shown && <span className="run-badge">shown</span>}
      </div>
      <div className="run-meta">
        {shownRunLabel({ name: shipped ? 'shipped' : run.origin, createdAt: run.createdAt }, !shipped)}
        {run.kept === 'session' && ' · this session only'}
      </div>
      <div className="run-meta">{describeSettings(run.config)}</div>
      <div className="run-scores">{describeScores(run.scores)}</div>
      {mode === 'rename' ? (
        <RenameForm run={run} done={() => setMode('view')} />
      ) : (
        <div className="run-actions">
          <button
            type="button"
            data-testid="run-open"
            disabled={shown || busy}
            title={busy ? 'A live run is training: runs open once it ends or is cancelled' : undefined}
            onClick={() => void openRun(run.id, { applySettings: true })}
          >
            Open
          </button>
          <button type="button" data-testid="run-export" onClick={() => void exportRun(run.id)}>
            Export
          </button>
          {!shipped && (
            <button type="button" data-testid="run-rename" onClick={() => setMode('rename')}>
              Rename
            </button>
          )}
          {!shipped &&
            (mode === 'confirm-delete' ? (
              <button
                type="button"
                className="danger"
                data-testid="run-delete-confirm"
                onClick={() => void deleteRun(run.id)}
                onBlur={() => setMode('view')}
              >
                Delete for good?
              </button>
            ) : (
              <button type="button" data-testid="run-delete" onClick={() => setMode('confirm-delete')}>
                Delete
              </button>
            ))}
        </div>
      )}
    </li>
  );
}

export function RunsPanel() {
  const state = useRuns();
  const shownId = useResults((s) => s.shown?.id ?? null);
  const busy = useResults((s) => isBusy(s.live.status));
  const [showAll, setShowAll] = useState(false);
  const runs = allRuns(state);
  const rows = listedRuns(runs, shownId, showAll);
  const hidden = runs.length - listedRuns(runs, shownId, false).length;
  return (
    <section className="runs-panel" aria-labelledby="runs-heading">
      <h2 id="runs-heading">Runs</h2>
      <ul className="runs-list" data-testid="runs-list" data-status={state.status}>
        {rows.map((run) => (
          <RunItem key={run.id} run={run} shown={run.id === shownId} busy={busy} />
        ))}
        {runs.length === 0 && <li className="muted">Loading runs…</li>}
      </ul>
      {hidden > 0 && (
        <button
          type="button"
          className="link-button small"
          data-testid="runs-show-all"
          aria-expanded={showAll}
          onClick={() => setShowAll(!showAll)}
        >
          {showAll ? `Show the newest ${RUNS_LISTED} only` : `Show all ${runs.length} runs (${hidden} older)`}
        </button>
      )}
      <p className="muted small" data-testid="runs-cap">
        Every live run is saved; the {AUTO_SAVED_RUNS_KEPT} most recent are kept. Rename a run, or import one,
        to keep it until you delete it.
      </p>
      {busy && <p className="muted small">Runs open once the live training ends or is cancelled.</p>}
      <label className="run-import">
        <span>Import a run file…</span>
        <input
          type="file"
          accept=".json,application/json"
          data-testid="run-import"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            void file.text().then((text) => importRunFile(text, file.name));
            input.value = '';
          }}
        />
      </label>
      {state.message && (
        <p
          className={`runs-message ${state.message.kind}`}
          data-testid="runs-message"
          data-kind={state.message.kind}
          role={state.message.kind === 'error' ? 'alert' : 'status'}
        >
          {state.message.text}{' '}
          <button type="button" className="link-button" onClick={dismissRunsMessage}>
            Dismiss
          </button>
        </p>
      )}
      <p className="muted small" data-testid="runs-storage">
        {state.status === 'unavailable'
          ? 'Not stored: this browser keeps no runs for the page.'
          : state.storage
            ? `Storage used by this page: ${size(state.storage.usage)} of ${size(state.storage.quota)}.`
            : 'Kept in this browser (IndexedDB).'}
      </p>
    </section>
  );
}
