import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Directories this process holds, so a lock naming our own pid is told apart from a stale one. */
const heldHere = new Set<string>();

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose each other's
 * writes. The lock file sits next to the directory and names the holder's pid; a lock left by a
 * process that died (or by an earlier life of a container's PID 1) is taken over.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      heldHere.add(file);
      return () => {
        heldHere.delete(file);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(file, "utf8"), 10);
      // A second EEXIST means another process took the stale lock first.
      if (attempt > 0 || heldElsewhere(file, holder)) {
        throw new Error(
          `${dataDir} is in use by process ${holder}; stop that bot or sandbox, or set another DATA_DIR or SANDBOX_DATA_DIR`,
        );
      }
      rmSync(file, { force: true });
    }
  }
}

function heldElsewhere(file: string, pid: number): boolean {
  if (pid === process.pid) return heldHere.has(file);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
