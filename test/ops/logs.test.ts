import { Writable } from "node:stream";
import { HttpError } from "@microsoft/agents-hosting";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { Turns } from "../../src/core/turns.js";
import { KigoClient } from "../../src/kigo/client.js";
import { createLogger } from "../../src/logger.js";
import { startTestApp, type TestApp } from "../support/bot.js";

/** The process's logger: each line of a turn carries its id; secrets and customer lists never show. */

interface Line {
  msg: string;
  turn?: string;
  [field: string]: unknown;
}

function capturedLogger() {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  return { lines, logger: createLogger({ name: "test", level: "info" }, stream) };
}

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app.close();
});

describe("the correlation id", () => {
  it("is on every line written during a turn, down in the Kigo client, and on none outside it", async () => {
    const { lines, logger } = capturedLogger();
    const client = new KigoClient({
      baseUrl: app.kigo.url,
      token: app.kigo.embedded?.token ?? "",
      retries: 1,
      retryBaseDelayMs: 1,
      logger,
    });
    const turns = new Turns();
    app.kigo.embedded?.sandbox.faults.inject({ route: "GET /dashboard/offers", status: 503 });
    await turns.run("slack", async () => {
      logger.info("turn started");
      await client.listOffers({ limit: 1 });
      // Work a turn leaves running after its answer (a Teams reply) stays in it.
      await turns.run("teams", async () => logger.info("after the answer"));
    });
    logger.info("between turns");

    const [started, retried, after, between] = lines;
    expect(retried?.msg).toBe("retrying Kigo API call");
    expect(started?.turn).toMatch(/^[0-9a-f-]{36}$/);
    expect(retried?.turn).toBe(started?.turn);
    expect(after?.turn).toBe(started?.turn);
    expect(between?.turn).toBeUndefined();
    expect(turns.inFlight()).toEqual([]);
  });

  it("differs between turns running at once", async () => {
    const { lines, logger } = capturedLogger();
    const turns = new Turns();
    await Promise.all(
      ["a", "b"].map((name) =>
        turns.run("console", async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          logger.info(name);
        }),
      ),
    );
    expect(new Set(lines.map((line) => line.turn)).size).toBe(2);
  });
});

describe("redaction", () => {
  it("keeps tokens, secrets, authorization headers and customer lists out of the log", () => {
    const { lines, logger } = capturedLogger();
    const secrets = {
      SLACK_BOT_TOKEN: "xoxb-secret-bot-token",
      SLACK_APP_TOKEN: "xapp-secret-app-token",
      SLACK_SIGNING_SECRET: "secret-signing",
      OPENAI_API_KEY: "sk-secret-openai",
      KIGO_API_URL: "https://api.kigo.example",
      KIGO_API_TOKEN: "secret-kigo-token",
      TEAMS_APP_ID: "11111111-2222-3333-4444-555555555555",
      TEAMS_APP_PASSWORD: "secret-teams-password",
      TEAMS_TENANT_ID: "11111111-2222-3333-4444-666666666666",
      REDIS_URL: "redis://:secret-redis-password@127.0.0.1:6379",
    };
    const customers = ["jane@example.com", "+15155550100", "acct-778812"];
    const request = {
      method: "POST",
      url: "https://smba.trafficmanager.net/amer/v3/conversations/a/activities",
      headers: { Authorization: "Bearer secret-connector-token" },
    };
    // The Teams SDK's own error, as a failed Bot Connector call throws it.
    const connectorError = new HttpError(
      "Request failed with status 401",
      { data: {}, status: 401, statusText: "Unauthorized", headers: new Headers(), config: request },
      request,
    );

    logger.info({ config: loadConfig(secrets) }, "configuration");
    logger.error({ err: connectorError }, "Teams turn failed");
    logger.info(
      { settings: { botToken: secrets.SLACK_BOT_TOKEN, signingSecret: "secret-signing" } },
      "slack",
    );
    logger.info({ headers: { authorization: "Bearer secret-kigo-token" } }, "kigo request");
    logger.info({ body: { list_name: "VIP", customers } }, "customer list upload");
    logger.info({ state: { draft: { offerValue: 20, customerList: { name: "VIP", customers } } } }, "draft");

    const written = JSON.stringify(lines);
    for (const secret of [
      ...Object.values(secrets).filter((value) => value.includes("secret")),
      "secret-redis-password",
      "secret-connector-token",
      ...customers,
    ])
      expect(written).not.toContain(secret);
    // What helps an operator is still there.
    expect(lines[1]?.err).toMatchObject({ status: 401, config: { url: request.url } });
    expect(lines[5]?.state).toEqual({ draft: { offerValue: 20, customerList: "[redacted]" } });
  });
});
