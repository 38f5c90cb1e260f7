import type { Readable } from "node:stream";

/**
 * What a child process printed, read the way a person watches a screen: wait for the next thing
 * to appear after what was already seen.
 */
export class Screen {
  private output = "";
  private cursor = 0;

  constructor(...streams: Readable[]) {
    for (const stream of streams) {
      stream.on("data", (chunk: Buffer) => {
        this.output += chunk.toString("utf8");
      });
    }
  }

  /** Waits for `pattern` in what was printed since the last match; returns that stretch. */
  async expect(
    pattern: RegExp,
    timeoutMs = 30_000,
    stillRunning: () => boolean = () => true,
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const fresh = this.output.slice(this.cursor);
      const match = pattern.exec(fresh);
      if (match) {
        this.cursor += match.index + match[0].length;
        return fresh.slice(0, match.index + match[0].length);
      }
      // A process that has exited prints nothing more, so there is no point waiting.
      if (Date.now() >= deadline || !stillRunning()) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(
      `timed out waiting for ${pattern}; screen since last match:\n${this.output.slice(this.cursor)}`,
    );
  }
}
