// Input the page is handling now (a goal drag, a setting): the compute workers hold training meanwhile.

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called on every input that asks the agents for a new update. */
export function noteInteraction(): void {
  for (const listener of listeners) listener();
}

export function onInteraction(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
