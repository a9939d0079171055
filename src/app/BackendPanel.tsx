// Which compute runs each workload, and why: tfjs backends (probes, calibration timings, override) and the SAC path.
import {
  BACKEND_ORDER,
  type BackendName,
  type CalibrationTiming,
  type SacChoice,
  type SacPathTiming,
  sacPathLabel,
} from '../protocol/backend';
import { useJobs } from '../state/jobsStore';
import { useSettings } from '../state/settingsStore';

const fmt = (t: CalibrationTiming): string =>
  t.skipped
    ? 'not timed'
    : t.ms === null
      ? 'failed'
      : `${t.ms < 10 ? t.ms.toFixed(1) : t.ms.toFixed(0)} ms${t.scaledFrom ? ` (≈, from a 1/${t.scaledFrom}-size run)` : t.firstRunOnly ? ' (1 run)' : ''}`;

const sacLabel = (t: Pick<SacPathTiming, 'path' | 'backend'>): string => sacPathLabel(t.path, t.backend);

const fmtUpdate = (t: SacPathTiming): string =>
  t.msPerUpdate === null
    ? 'failed'
    : `${t.msPerUpdate < 10 ? t.msPerUpdate.toFixed(1) : t.msPerUpdate.toFixed(0)} ms/update`;

/** The SAC learner's row: fused step or tfjs, each timed as real updates in the worker. */
function SacRow({ sac }: { sac: SacChoice }) {
  const chosen = sac.timings.find((t) => t.path === sac.path) ?? { path: sac.path };
  return (
    <tr data-testid="backend-sac" data-path={sac.path}>
      <td>SAC updates (base policy, baseline)</td>
      <td>
        <strong>{sacLabel(chosen)}</strong>
      </td>
      <td>
        {sac.timings.map((t) => `${sacLabel(t)} ${fmtUpdate(t)}`).join(', ')}
        <div className="muted reason">{sac.reason}</div>
      </td>
    </tr>
  );
}

export function BackendPanel() {
  const report = useJobs((s) => s.backendReport);
  const workerError = useJobs((s) => s.workerError);
  const override = useSettings((s) => s.settings.backend);
  const update = useSettings((s) => s.update);
  return (
    <div className="backend-panel">
      <h2>Compute backend</h2>
      <p className="backend-best">
        Best available: <strong data-testid="backend">{report?.best ?? 'detecting…'}</strong>
        {report?.adapter && <span className="muted"> ({report.adapter})</span>}
      </p>
      {workerError && <p className="error">{workerError}</p>}
      <label className="field">
        <span>backend override (link: backend=…)</span>
        <select
          value={override.join(',')}
          onChange={(e) => update({ backend: e.target.value === '' ? [] : [e.target.value as BackendName] })}
        >
          <option value="">auto (calibrate)</option>
          {BACKEND_ORDER.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
          {override.length > 1 && <option value={override.join(',')}>{override.join(' → ')}</option>}
        </select>
      </label>
      {report && (
        <>
          <ul className="probes">
            {report.probes.map((p) => (
              <li key={p.backend} className={p.available ? 'ok' : 'missing'}>
                {p.backend}: {p.available ? 'available' : 'unavailable'}
                {p.software && ' (software)'}
                {p.note && <span className="muted"> — {p.note}</span>}
                {p.notStarted && <span className="muted"> — {p.notStarted}</span>}
              </li>
            ))}
          </ul>
          {report.phase !== 'done' ? (
            <p className="muted">Calibrating per workload…</p>
          ) : (
            <table className="workloads">
              <thead>
                <tr>
                  <th>workload</th>
                  <th>backend</th>
                  <th>timings</th>
                </tr>
              </thead>
              <tbody>
                {report.choices.map((c) => (
                  <tr key={c.workload} data-testid={`backend-${c.workload}`} data-backend={c.backend}>
                    <td>
                      {c.workload === 'rl'
                        ? `RL (tiny nets${report.sac && report.sac.path !== 'tfjs' ? ': the baseline’s encoder' : ''})`
                        : 'bulk (frames, discovery)'}
                    </td>
                    <td>
                      <strong>{c.backend}</strong>
                    </td>
                    <td>
                      {c.timings.map((t) => `${t.backend}${t.software ? '*' : ''} ${fmt(t)}`).join(', ')}
                      <div className="muted reason">{c.reason}</div>
                    </td>
                  </tr>
                ))}
                {report.sac && <SacRow sac={report.sac} />}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
