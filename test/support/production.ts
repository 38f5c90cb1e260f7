import { KigoClient } from "../../src/kigo/client.js";
import { createSandbox } from "../../src/kigo/sandbox/server.js";
import type { TestApp } from "./bot.js";

/** The test app's sandbox data served as production serves it today: no analytics, no programs. */
export async function startProductionSandbox(
  app: TestApp,
): Promise<{ client: KigoClient; close(): Promise<void> }> {
  const embedded = app.kigo.embedded;
  if (!embedded) throw new Error("the test app runs the embedded sandbox");
  const production = await createSandbox({
    database: embedded.sandbox.db,
    token: "prod-token",
    profile: "production",
  });
  const url = await production.listen(0, "127.0.0.1");
  return {
    client: new KigoClient({ baseUrl: url, token: "prod-token", retries: 0 }),
    close: () => production.close(),
  };
}
