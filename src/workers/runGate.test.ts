import { describe, expect, it } from 'vitest';
import { RunGate, STEP_YIELDS } from './runGate';

/** A gate on a fake clock; sleeps are recorded and resolve at once. */
function fakeGate() {
  let t = 0;
  const sleeps: number[] = [];
  const gate = new RunGate(
    () => t,
    async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  );
  return { gate, sleeps, advance: (ms: number) => (t += ms) };
}

describe('RunGate', () => {
  it('lets a playing loop through and holds it for a drag', async () => {
    const { gate, sleeps, advance } = fakeGate();
    expect(gate.gate()).toBeNull();
    gate.hold(400);
    advance(100);
    await gate.gate();
    expect(sleeps).toEqual([300]);
    expect(gate.gate()).toBeNull();
  });

  it('pauses until play, and a cancel lets the loop see its flag', async () => {
    const { gate } = fakeGate();
    gate.set({ paused: true, speed: 1 });
    const wait = gate.gate();
    expect(wait).toBeInstanceOf(Promise);
    let done = false;
    void wait?.then(() => {
      done = true;
    });
    await Promise.resolve();
    expect(done).toBe(false);
    gate.set({ paused: false, speed: 1 });
    await wait;
    expect(done).toBe(true);
    gate.set({ paused: true, speed: 1 });
    expect(gate.gate(() => true)).toBeNull();
  });

  it('a step runs one chunk of yields, then pauses again', () => {
    const { gate } = fakeGate();
    gate.set({ paused: true, speed: 1 });
    gate.step();
    for (let i = 0; i < STEP_YIELDS; i++) expect(gate.gate()).toBeNull();
    expect(gate.gate()).toBeInstanceOf(Promise);
  });

  it('slow motion rests (1/speed − 1) times the work between yields', async () => {
    const { gate, sleeps, advance } = fakeGate();
    gate.set({ paused: false, speed: 0.25 });
    expect(gate.gate()).toBeNull();
    advance(10);
    await gate.gate();
    expect(sleeps).toEqual([30]);
    // After the rest the loop goes on, and the next stretch is measured afresh.
    expect(gate.gate()).toBeNull();
    advance(4);
    await gate.gate();
    expect(sleeps).toEqual([30, 12]);
  });
});
