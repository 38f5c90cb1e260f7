import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** Where a turn came in. */
export type TurnChannel = "slack" | "teams" | "console";
/** What the user did: typed, clicked (or submitted a form), or ran `/offers`. */
export type TurnKind = "message" | "action" | "command";

export interface TurnScope {
  /** The correlation id every log line of the turn carries. */
  id: string;
  channel: TurnChannel;
}

export interface TurnMetrics {
  turn(channel: TurnChannel | "unknown", kind: TurnKind, seconds: number): void;
}

// Module-wide rather than per app: logs are tagged wherever they are written (graph, Kigo client)
// without a logger being threaded through each call.
const scope = new AsyncLocalStorage<TurnScope>();

/** The turn the calling code runs in, if any. */
export function currentTurn(): TurnScope | undefined {
  return scope.getStore();
}

/**
 * The turns of one app: each incoming event (a Slack request, a Teams activity, a console line)
 * runs in a scope with its own correlation id, and is tracked until its work, replies included,
 * has ended, so shutdown can wait for it.
 */
export class Turns {
  private readonly running = new Map<Promise<unknown>, TurnScope>();

  constructor(private readonly metrics?: TurnMetrics) {}

  /** Work started inside an open turn (a Teams reply after its request was answered) joins it. */
  run<T>(channel: TurnChannel, work: () => Promise<T>): Promise<T> {
    const open = scope.getStore();
    const turn = open ?? { id: randomUUID(), channel };
    const task = open ? work() : scope.run(turn, work);
    this.running.set(task, turn);
    const forget = () => this.running.delete(task);
    task.then(forget, forget);
    return task;
  }

  /** Counts one turn of the core and how long it took, under the channel it came in on. */
  async observe<T>(kind: TurnKind, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.metrics?.turn(currentTurn()?.channel ?? "unknown", kind, (performance.now() - started) / 1000);
    }
  }

  /** The turns still running, each once however many pieces of its work are. */
  inFlight(): TurnScope[] {
    return [...new Set(this.running.values())];
  }

  /** Resolves once every turn running now (and any started meanwhile) has ended. */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.keys()]);
  }
}
