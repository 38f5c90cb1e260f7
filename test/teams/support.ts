import {
  clearJwksClients,
  getAuthConfigWithDefaults,
  MsalConnectionManager,
} from "@microsoft/agents-hosting";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { servingRoutes, startHttpServer } from "../../src/bot/http-server.js";
import { opsRoutes } from "../../src/bot/ops-routes.js";
import { createTeamsBot, type TeamsBot, type TeamsSettings } from "../../src/bot/teams/teams-app.js";
import * as activities from "../fakes/teams/activities.js";
import { adaptiveCardProblems } from "../fakes/teams/adaptive-cards.js";
import {
  ADAPTIVE_CARD,
  type ConnectorCall,
  type FakeConnector,
  startFakeConnector,
} from "../fakes/teams/connector.js";
import {
  fakeConnections,
  fakeTokenProvider,
  startTestIssuer,
  type TestIssuer,
} from "../fakes/teams/issuer.js";
import { startTestApp, type TestApp } from "../support/bot.js";
import { actionsOf, textOf } from "../views/teams/cards.js";

export const APP_ID = "11111111-2222-3333-4444-555555555555";
export const OUTBOUND_TOKEN = "fake-outbound-token";
/** Teams refuses a message over 100 KB. */
const CARD_BYTES_MAX = 100 * 1024;

type Json = Record<string, unknown>;

export interface TeamsHarnessOptions {
  /** An app id: every request's token is checked against a local issuer. */
  auth?: boolean;
  /** A channel's root conversation (`19:…@thread.tacv2`) where approval cards go. */
  approvalsChannel?: string;
  env?: Record<string, string>;
  /** Starts the app's digests on `teams.outbound`, as src/main.ts does. */
  digests?: boolean;
  /** With `auth`: outbound tokens from the SDK's own MSAL client (the test routes Entra to the fake). */
  entraTokens?: boolean;
}

export interface SendOptions {
  /** A bearer token; null sends none. By default a valid one when auth is on, none otherwise. */
  token?: string | null;
}

export interface TeamsHarness {
  app: TestApp;
  teams: TeamsBot;
  connector: FakeConnector;
  issuer?: TestIssuer;
  url: string;
  /** Claims of a token the bot accepts (auth on). */
  goodClaims(): Json;
  send(activity: Json, options?: SendOptions): Promise<{ status: number; body: unknown }>;
  /** Waits for the work the bot runs after answering (turns, clicks, form saves). */
  settle(): Promise<void>;
  /** Cards that broke the schema or the size limit so far (checked after every test). */
  problems: string[];
  close(): Promise<void>;
}

/** Checks a card where Teams would: schema 1.5 and under 100 KB; returns what is wrong. */
export function cardProblems(card: unknown, where: string): string[] {
  const problems = adaptiveCardProblems(card).map((problem) => `${where}: ${problem}`);
  const bytes = Buffer.byteLength(JSON.stringify(card), "utf8");
  if (bytes > CARD_BYTES_MAX) problems.push(`${where}: ${bytes} bytes`);
  if ((card as Json | undefined)?.version !== "1.5") problems.push(`${where}: version is not 1.5`);
  return problems;
}

/** Every card an invoke answer carries: an `adaptiveCard/action` card, or a dialog's card. */
export function cardsInAnswer(body: unknown): unknown[] {
  const answer = body as
    | { type?: string; value?: unknown; task?: { type?: string; value?: { card?: { content?: unknown } } } }
    | undefined;
  if (answer?.type === ADAPTIVE_CARD) return [answer.value];
  if (answer?.task?.type === "continue") return [answer.task.value?.card?.content];
  return [];
}

export async function startTeamsHarness(options: TeamsHarnessOptions = {}): Promise<TeamsHarness> {
  const connector = await startFakeConnector();
  const problems: string[] = [];
  connector.onCall = (call) => {
    for (const { card } of connector.cards((c) => c === call))
      problems.push(...cardProblems(card, `${call.method} ${call.path}`));
  };
  const issuer = options.auth ? await startTestIssuer(activities.TENANT_ID) : undefined;
  if (issuer) clearJwksClients();
  const app = await startTestApp(options.env);
  const settings: TeamsSettings = {
    ...(issuer
      ? {
          appId: APP_ID,
          appPassword: "test-app-password",
          tenantId: activities.TENANT_ID,
          authority: issuer.authority,
          connectorHosts: ["127.0.0.1"],
        }
      : {}),
    ...(options.approvalsChannel ? { approvalsChannel: options.approvalsChannel } : {}),
    minIntervalMs: 0,
  };
  // Work after the HTTP answer fails only into the log: every error logged is a test's problem.
  const logger = pino(
    { level: "error" },
    {
      write(line: string) {
        const { msg, err } = JSON.parse(line) as { msg?: string; err?: { message?: string } };
        problems.push(`logged: ${msg}${err?.message ? `: ${err.message}` : ""}`);
      },
    },
  );
  const teams = createTeamsBot(settings, {
    bot: app.bot,
    kv: app.kv,
    ttlSeconds: 3600,
    logger,
    metrics: app.metrics,
  });
  if (issuer && options.entraTokens) {
    // The production connection manager, with Entra's real authority: only the tokens that reach
    // the bot are signed on loopback, so MSAL (which refuses http) asks login.microsoftonline.com.
    const entra = getAuthConfigWithDefaults({
      clientId: APP_ID,
      clientSecret: "test-app-password",
      tenantId: activities.TENANT_ID,
      validateIssuer: true,
    });
    teams.adapter.connectionManager = new MsalConnectionManager(
      entra.connections,
      entra.connectionsMap,
      entra,
    );
  }
  if (issuer && !options.entraTokens) {
    const config = getAuthConfigWithDefaults({
      clientId: APP_ID,
      clientSecret: "test-app-password",
      tenantId: activities.TENANT_ID,
      authorityEndpoint: issuer.authority,
      validateIssuer: true,
    });
    teams.adapter.connectionManager = fakeConnections(config, fakeTokenProvider(OUTBOUND_TOKEN));
  }
  // As src/main.ts serves Teams alone: the ops routes, then Teams'.
  const server = await startHttpServer(0, "127.0.0.1", [
    servingRoutes(opsRoutes(app)),
    (req, res) => teams.handle(req, res),
  ]);
  if (options.digests) await app.digests.start(teams.outbound);
  const goodClaims = () => ({
    aud: APP_ID,
    iss: issuer?.issuer,
    tid: activities.TENANT_ID,
    serviceurl: connector.url,
  });
  return {
    app,
    teams,
    connector,
    ...(issuer ? { issuer } : {}),
    url: server.url,
    goodClaims,
    problems,
    async send(activity, sendOptions = {}) {
      const token =
        sendOptions.token === undefined ? (issuer ? issuer.sign(goodClaims()) : null) : sendOptions.token;
      const response = await fetch(`${server.url}/api/messages`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(activity),
      });
      const raw = await response.text();
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {}
      for (const card of cardsInAnswer(body))
        problems.push(...cardProblems(card, `answer to ${String(activity.name)}`));
      return { status: response.status, body };
    },
    // The work Teams left running after its answers is among the bot's turns.
    settle: () => app.bot.turns.settle(),
    async close() {
      await teams.stop();
      await server.close();
      await app.close();
      await connector.close();
      await issuer?.close();
    },
  };
}

/**
 * One harness for a test file: started before its tests, closed after them, and after every test
 * every card the bot sent or answered is checked (schema 1.5, under 100 KB).
 */
export function useTeamsHarness(options: TeamsHarnessOptions = {}): { readonly h: TeamsHarness } {
  let harness: TeamsHarness | undefined;
  beforeAll(async () => {
    harness = await startTeamsHarness(options);
  }, 30_000);
  afterEach(() => {
    const problems = harness?.problems.splice(0) ?? [];
    expect(problems).toEqual([]);
  });
  afterAll(async () => {
    await harness?.close();
  });
  return {
    get h() {
      if (!harness) throw new Error("the Teams harness has not started");
      return harness;
    },
  };
}

type Node = Record<string, unknown>;

export { actionsOf, textOf };

/** The id of the Teams message a call created or changed: what a click on its card carries as replyToId. */
export const messageIdOf = (call: ConnectorCall) => (call.method === "POST" ? call.id : call.activityId);

/** The newest card in a conversation (posted or updated) that has an action titled `title`. */
export function newestCardWith(connector: FakeConnector, conversationId: string, title: string | RegExp) {
  const matches = (text: unknown) =>
    typeof text === "string" && (typeof title === "string" ? text === title : title.test(text));
  const cards = connector.cards((call) => call.conversationId === conversationId).reverse();
  for (const { call, card } of cards) {
    const action = actionsOf(card).find((candidate) => matches(candidate.title));
    if (action) return { call, card, action, messageId: messageIdOf(call) ?? "" };
  }
  throw new Error(
    `no card with ${title} in ${conversationId}; cards: ${cards
      .map(({ card }) =>
        actionsOf(card)
          .map((a) => a.title)
          .join("/"),
      )
      .join(" | ")}`,
  );
}

/** The invoke Teams sends when `action` (from a card) is clicked: Action.Execute or a dialog's task/fetch. */
export function clickActivity(
  serviceUrl: string,
  from: activities.From,
  place: activities.Place,
  action: Node,
  replyToId?: string,
): Json {
  if (action.type === "Action.Execute")
    return activities.cardAction(
      serviceUrl,
      from,
      place,
      { verb: String(action.verb), data: action.data },
      replyToId,
    );
  const data = action.data as Node;
  if ((data.msteams as Node | undefined)?.type === "task/fetch")
    return activities.taskFetch(serviceUrl, from, place, data, replyToId);
  throw new Error(`not a clickable action: ${JSON.stringify(action)}`);
}
