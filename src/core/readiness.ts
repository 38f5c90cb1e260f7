/** Resolves when the dependency answers; rejects with why not. */
export type ReadinessCheck = () => Promise<unknown>;

export interface CheckResult {
  ok: boolean;
  ms: number;
  /** Why the check failed, in a few words (never a token: error messages only). */
  error?: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * What `/readyz` asks: each dependency the bot cannot answer without, every check bounded in
 * time so a hanging dependency makes the probe fail rather than hang.
 */
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();

  constructor(private readonly timeoutMs = CHECK_TIMEOUT_MS) {}

  /** `cacheMs`: the result is reused that long, for a dependency that must not be asked on every probe. */
  add(name: string, check: ReadinessCheck, options: { cacheMs?: number } = {}): void {
    this.checks.set(name, options.cacheMs ? cached(check, options.cacheMs) : check);
  }

  async report(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await this.run(check)] as const),
    );
    return { ready: entries.every(([, result]) => result.ok), checks: Object.fromEntries(entries) };
  }

  private async run(check: ReadinessCheck): Promise<CheckResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      await Promise.race([check(), late]);
      return { ok: true, ms: elapsed() };
    } catch (error) {
      return { ok: false, ms: elapsed(), error: reasonOf(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** One answer, ok or not, serves every probe for `ms`; probes meanwhile share the call in flight. */
function cached(check: ReadinessCheck, ms: number): ReadinessCheck {
  let last: { at: number; answer: Promise<unknown> } | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - last.at >= ms) {
      const answer = check();
      answer.catch(() => undefined);
      last = { at: now, answer };
    }
    return last.answer;
  };
}

function reasonOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return cause && !message.includes(cause.message) ? `${message} (${cause.message})` : message;
}
