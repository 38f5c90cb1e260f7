import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A dump of a fresh, empty PGlite cluster: see `sandboxInMemory`. */
    pgliteTemplate: string;
  }
}

/** Runs initdb once for the whole run; every sandbox in the tests starts from its dump. */
export default async function setup({ provide }: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "kigo-pglite-template-"));
  const file = join(dir, "empty-cluster.tar");
  const lite = await PGlite.create();
  try {
    writeFileSync(file, Buffer.from(await (await lite.dumpDataDir("none")).arrayBuffer()));
  } finally {
    await lite.close();
  }
  provide("pgliteTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
