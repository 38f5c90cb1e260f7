import { existsSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.js";
import { SCHEMA_SQL } from "./schema-sql.js";

/** What the sandbox needs from a database; PGlite and a PostgreSQL server both provide it. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface SqlDatabase extends SqlExecutor {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: "pglite" | "postgres";
}

export type DatabaseOptions =
  /**
   * PGlite in memory (no dataDir) or persisted in a directory. `template` is a dump of a fresh,
   * empty cluster (PGlite's `dumpDataDir`) copied instead of running initdb, which is most of
   * PGlite's start-up (about 1.5 s against 0.3 s); it is used only where no database exists yet.
   */
  | { kind: "pglite"; dataDir?: string; template?: Blob }
  /** A PostgreSQL server; `schema` isolates this sandbox (created if missing). */
  | { kind: "postgres"; url: string; schema?: string };

/**
 * Both drivers read rows the same way so the API answers the same JSON on either: BIGINT and
 * NUMERIC as numbers (ids and money stay far below 2^53), DATE as the plain `YYYY-MM-DD` string
 * (a JS Date would shift the day by the process time zone).
 */
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: Number,
  [NUMERIC]: Number,
  [DATE]: (value) => value,
};

/** PGlite already reads BIGINT[] element by element with the parsers above; node-postgres does not. */
const INT8_ARRAY = 1016;
const parseInt8Array = pg.types.getTypeParser(
  INT8_ARRAY as Parameters<typeof pg.types.getTypeParser>[0],
  "text",
);
const postgresParsers: Record<number, (value: string) => unknown> = {
  ...parsers,
  [INT8_ARRAY]: (value) =>
    (parseInt8Array(value) as (string | null)[]).map((item) => (item === null ? null : Number(item))),
};

export async function openDatabase(options: DatabaseOptions): Promise<SqlDatabase> {
  const db = options.kind === "pglite" ? await openPglite(options) : await openPostgres(options);
  try {
    await db.query(SCHEMA_SQL);
  } catch (error) {
    // Also releases a PGlite data directory's lock.
    await db.close();
    throw error;
  }
  return db;
}

async function openPglite({
  dataDir,
  template,
}: {
  dataDir?: string;
  template?: Blob;
}): Promise<SqlDatabase> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  const fresh = !dataDir || !existsSync(join(dataDir, "PG_VERSION"));
  const lite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(template && fresh ? { loadDataDir: template } : {}),
    parsers,
  }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const run = async <Row>(target: Pick<PGlite, "query" | "exec">, sql: string, params?: unknown[]) => {
    // PGlite's extended protocol takes one statement; the DDL batch goes through exec.
    if (!params?.length && sql.includes(";")) {
      const results = await target.exec(sql);
      return (results.at(-1)?.rows ?? []) as Row[];
    }
    return (await target.query<Row>(sql, params)).rows;
  };
  return {
    kind: "pglite",
    query: (sql, params) => run(lite, sql, params),
    transaction: (work) => lite.transaction((tx) => work({ query: (sql, params) => run(tx, sql, params) })),
    close: async () => {
      await lite.close();
      unlock();
    },
  };
}

async function openPostgres(options: { url: string; schema?: string }): Promise<SqlDatabase> {
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: options.url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        postgresParsers[oid] ??
        pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  return {
    kind: "postgres",
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({ query: async (sql, params) => (await client.query(sql, params)).rows });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
