// Returns at the test goal: the two agents (once trained) next to the oracle and random references.
import type { AgentName } from '../state/jobsStore';
import { useJobs } from '../state/jobsStore';

const AGENT_LABEL: Record<AgentName, string> = {
  hereditary: 'Hereditary agent',
  baseline: 'Smooth-encoding baseline',
};

function AgentRow({ agent }: { agent: AgentName }) {
  const rollout = useJobs((s) => s.agents[agent]);
  return (
    <li
      className={`rollout rollout-${agent}`}
      data-testid={`rollout-${agent}`}
      data-status={rollout ? 'ready' : 'waiting'}
      data-return={rollout ? rollout.meanReturn.toFixed(3) : undefined}
    >
      <span className="swatch" />
      <span>{AGENT_LABEL[agent]}</span>
      <span className="value">{rollout ? rollout.meanReturn.toFixed(2) : 'waiting for trained agents'}</span>
    </li>
  );
}

export function RolloutPanel() {
  const reference = useJobs((s) => s.reference);
  return (
    <div className="rollout-panel">
      <h2>Return at the test goal</h2>
      <ul className="rollouts">
        <AgentRow agent="hereditary" />
        <AgentRow agent="baseline" />
        <li
          className="rollout rollout-oracle"
          data-testid="rollout-oracle"
          data-return={reference.oracle?.meanReturn}
        >
          <span className="swatch" />
          <span>Oracle (reads the goal; reference only)</span>
          <span className="value">{reference.oracle ? reference.oracle.meanReturn.toFixed(2) : '…'}</span>
        </li>
        <li
          className="rollout rollout-random"
          data-testid="rollout-random"
          data-return={reference.random?.meanReturn}
        >
          <span className="swatch" />
          <span>Uniform random (reference)</span>
          <span className="value">{reference.random ? reference.random.meanReturn.toFixed(2) : '…'}</span>
        </li>
      </ul>
    </div>
  );
}
