import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import type { DatabaseOptions } from "../../src/kigo/sandbox/db.js";

let template: Blob | undefined;

/** The empty cluster the run's global set-up dumped, read once per test file. */
function pgliteTemplate(): Blob {
  template ??= new Blob([readFileSync(inject("pgliteTemplate"))]);
  return template;
}

/**
 * A sandbox database that starts in a fraction of initdb's time: in memory unless `dataDir` is
 * given (a test that restarts on the same data), copied from the empty cluster either way.
 */
export function sandboxDatabase(dataDir?: string): DatabaseOptions {
  return {
    kind: "pglite",
    template: pgliteTemplate(),
    ...(dataDir ? { dataDir: join(dataDir, "sandbox") } : {}),
  };
}
