import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockDataDir } from "../../src/kigo/sandbox/data-dir-lock.js";

/** PGlite would silently lose writes with two holders of one data directory; the lock refuses the second. */

const dataDir = () => join(mkdtempSync(join(tmpdir(), "kigo-lock-")), "sandbox");

describe("lockDataDir", () => {
  it("refuses a second holder until the first releases", () => {
    const dir = dataDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(`${dir} is in use by process ${process.pid}`);
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    lockDataDir(dir)();
  });

  it("refuses a directory another live process holds", () => {
    const dir = dataDir();
    writeFileSync(`${dir}.lock`, String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(/stop that bot or sandbox, or set another DATA_DIR/);
  });

  it("takes over a lock left by a process that is gone, or by an earlier life of this pid", () => {
    for (const stale of ["999999999", String(process.pid), "garbage"]) {
      const dir = dataDir();
      writeFileSync(`${dir}.lock`, stale);
      const release = lockDataDir(dir);
      expect(readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
      release();
    }
  });
});
