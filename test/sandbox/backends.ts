import { createSandbox, type Sandbox } from "../../src/kigo/sandbox/server.js";
import { sandboxDatabase } from "../support/sandbox-database.js";
import { freshSchemaName, POSTGRES_URL, serviceAvailable } from "../support/services.js";
import { TOKEN } from "./http.js";

export interface Backend {
  name: string;
  open(): Promise<Sandbox>;
  dispose(sandbox: Sandbox | undefined): Promise<void>;
}

const pglite: Backend = {
  name: "PGlite",
  open: () => createSandbox({ database: sandboxDatabase(), token: TOKEN }),
  dispose: async (sandbox) => sandbox?.close(),
};

function postgres(): Backend {
  const schema = freshSchemaName("sandbox");
  return {
    name: "PostgreSQL",
    open: () => createSandbox({ database: { kind: "postgres", url: POSTGRES_URL, schema }, token: TOKEN }),
    async dispose(sandbox) {
      await sandbox?.db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await sandbox?.close();
    },
  };
}

/**
 * The databases a suite runs on: PGlite always, a real PostgreSQL server where one answers, since
 * the two report bad values differently (and either would make a 500 of one the API let through).
 */
export async function backends(): Promise<Backend[]> {
  return (await serviceAvailable("postgres")) ? [pglite, postgres()] : [pglite];
}
