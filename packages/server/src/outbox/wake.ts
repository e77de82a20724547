// A process-local nudge: a message enqueued here is handled at once instead of at the next poll.
// Only a speed-up: a nudge can come before its transaction commits (the worker then finds
// nothing yet), and other processes' messages are never nudged here, so the poll stays the rule.

type Listener = () => void;

const listeners = new Set<Listener>();

/** Calls `listener` on every nudge in this process; returns the unsubscribe. */
export function onOutboxWork(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function wakeOutboxWorkers(): void {
  for (const listener of listeners) listener();
}
