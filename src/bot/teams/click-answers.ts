import type { KeyValueStore } from "../../stores/kv.js";

/** Long enough for Teams to give up on the invoke and any replica to finish the click's job. */
const KEEP_SECONDS = 600;
/** How often a waiting invoke looks for an answer a job on another replica left. */
const POLL_MS = 50;

/**
 * Hands a card click's private answer from its job (run by whichever replica's worker took it) to
 * the invoke waiting on this replica, since Teams shows text to the clicker alone only in the
 * invoke's own HTTP answer. The job leaves the answer, then claims the handoff; an invoke that
 * stops waiting claims it too: exactly one of them wins, so a refusal is shown once — in the
 * invoke's answer, or posted to the clicker by the job when the invoke had already said "on it".
 * Hand-written: no library hands a value between processes with a deadline on one side.
 */
export class ClickAnswers {
  /** Invokes waiting in this process, woken at once when the job runs here too. */
  private readonly waiting = new Map<string, () => void>();

  constructor(private readonly kv: KeyValueStore) {}

  /**
   * The job: leaves `text` for the invoke. True when the invoke will show it; false when the
   * invoke stopped waiting, so the job must deliver it itself.
   */
  async leave(key: string, text: string): Promise<boolean> {
    await this.kv.set(answerKey(key), text, KEEP_SECONDS);
    this.waiting.get(key)?.();
    if (await this.kv.claim(handoffKey(key), KEEP_SECONDS)) {
      await this.kv.set(takenKey(key), "1", KEEP_SECONDS);
      return true;
    }
    // A job run again after its replica died finds its own first run's claim.
    return (await this.kv.get(takenKey(key))) !== undefined;
  }

  /** The invoke: the answer its job left within `ms`, else undefined (the job then delivers it). */
  async wait(key: string, ms: number): Promise<string | undefined> {
    const deadline = Date.now() + ms;
    try {
      while (Date.now() < deadline) {
        const answer = await this.kv.get(answerKey(key));
        if (answer !== undefined) return answer;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
          this.waiting.set(key, () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    } catch {
      // The store failed while the invoke waited: it stops waiting, and the job delivers the answer.
    } finally {
      this.waiting.delete(key);
    }
    if (await this.kv.claim(handoffKey(key), KEEP_SECONDS).catch(() => false)) return undefined;
    return this.kv.get(answerKey(key)).catch(() => undefined);
  }
}

const answerKey = (key: string) => `teams-click-answer:${key}`;
const handoffKey = (key: string) => `teams-click-handoff:${key}`;
const takenKey = (key: string) => `teams-click-taken:${key}`;
