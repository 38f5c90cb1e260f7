import net from "node:net";

/**
 * Tests that need a real Redis or PostgreSQL use the machine's servers. On a contributor's laptop
 * without them those tests are skipped with one visible line; under CI=true a missing service fails.
 */

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const HOW_TO_START: Record<string, string> = {
  postgres: "start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
  redis: 'start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ""',
};

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => {
      socket.end();
      resolve(true);
    });
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on("error", () => resolve(false));
  });
}

/** Resolves true when the service answers; false (after printing why) when tests should skip. */
export async function serviceAvailable(service: "postgres" | "redis"): Promise<boolean> {
  const url = service === "postgres" ? POSTGRES_URL : REDIS_URL;
  if (await reachable(url)) return true;
  const line = `${service} is not reachable at ${new URL(url).host}; ${HOW_TO_START[service]}`;
  if (process.env.CI === "true") throw new Error(`CI=true and ${line}`);
  console.warn(`SKIPPED: tests needing ${line}`);
  return false;
}

/** A schema name no other run uses, so parallel runs on one server never see each other's rows. */
export function freshSchemaName(prefix = "t"): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
