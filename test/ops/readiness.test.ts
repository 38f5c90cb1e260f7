import { describe, expect, it } from "vitest";
import { servingRoutes, startHttpServer } from "../../src/bot/http-server.js";
import { opsRoutes } from "../../src/bot/ops-routes.js";
import { createSlackBot } from "../../src/bot/slack/slack-app.js";
import { Readiness, type ReadinessReport } from "../../src/core/readiness.js";
import { BOT_TOKEN } from "../fakes/slack/ids.js";
import { useSlackHarness } from "../slack/support.js";
import { REDIS_URL, serviceAvailable } from "../support/services.js";

/** /healthz says the process is up; /readyz says whether what it needs answers, and if not, what. */

const redis = await serviceAvailable("redis");
const h = useSlackHarness(redis ? { env: { REDIS_URL } } : {});

async function readyz(url: string): Promise<{ status: number; body: ReadinessReport }> {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as ReadinessReport };
}

describe("/healthz and /readyz", () => {
  it("/healthz answers while the process is up", async () => {
    const response = await fetch(`${h.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("is ready when the Kigo API, Redis and Slack answer, and asks Slack at most every 30 s", async () => {
    const authChecks = h.fake.callsTo("auth.test").length;
    const { status, body } = await readyz(h.url);
    expect(status).toBe(200);
    expect(body.ready).toBe(true);
    expect(Object.keys(body.checks).sort()).toEqual(redis ? ["kigo", "redis", "slack"] : ["kigo", "slack"]);
    expect(Object.values(body.checks).every((check) => check.ok)).toBe(true);

    await readyz(h.url);
    expect(h.fake.callsTo("auth.test").length).toBe(authChecks + 1);
  });

  it("answers 503 naming the Kigo API and why when it fails, and is ready again once it answers", async () => {
    h.app.kigo.embedded?.sandbox.faults.inject({ route: "GET /dashboard/offers", status: 503 });
    const { status, body } = await readyz(h.url);
    expect(status).toBe(503);
    expect(body.ready).toBe(false);
    expect(body.checks.kigo).toMatchObject({ ok: false, error: expect.stringMatching(/Kigo API/) });
    expect(body.checks.slack?.ok).toBe(true);

    expect((await readyz(h.url)).status).toBe(200);
  });

  it("names Slack when it refuses the bot token", async () => {
    const readiness = new Readiness();
    createSlackBot(
      { botToken: BOT_TOKEN, signingSecret: "s", apiUrl: h.fake.apiUrl },
      { bot: h.app.bot, kv: h.app.kv, ttlSeconds: 60, readiness },
    );
    h.fake.failWith("auth.test", "invalid_auth");
    const report = await readiness.report();
    expect(report.ready).toBe(false);
    expect(report.checks.slack).toMatchObject({ ok: false, error: expect.stringMatching(/invalid_auth/) });
  });

  it("bounds a check that never answers", async () => {
    const readiness = new Readiness(50);
    readiness.add("stuck", () => new Promise(() => {}));
    const report = await readiness.report();
    expect(report).toEqual({
      ready: false,
      checks: { stuck: { ok: false, ms: expect.any(Number), error: "no answer within 50 ms" } },
    });
  });

  it("is served by the bot's own server (Teams alone) from the same route table", async () => {
    const server = await startHttpServer(0, "127.0.0.1", [servingRoutes(opsRoutes(h.app))]);
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const { status, body } = await readyz(server.url);
      expect(status).toBe(200);
      expect(body.checks.kigo?.ok).toBe(true);
      expect((await fetch(`${server.url}/metrics`)).headers.get("content-type")).toMatch(/^text\/plain/);
    } finally {
      await server.close();
    }
  });
});
