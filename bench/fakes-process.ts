import { createServer } from "node:http";
import { startFakeSlack } from "../test/fakes/slack/server.js";
import { startFakeConnector } from "../test/fakes/teams/connector.js";

/**
 * The fake Slack Web API and Bot Connector in a process of their own (PORT: its control port), so
 * that serving a bot's replies never delays the clock of the process timing the acks.
 * GET /urls → { slack, connector }; GET /replies → chat.postMessage calls per channel prefix
 * (`?prefix=D`) or the connector's message posts (`?teams`).
 */

const fake = await startFakeSlack();
const connector = await startFakeConnector();
let slackPosts: string[] = [];
let teamsMessages = 0;
let seen = { slack: 0, teams: 0 };

/** Counts what came in since the last look, and forgets it: the fakes keep no history for hours of load. */
function collect(): void {
  for (const call of fake.calls.slice(seen.slack))
    if (call.method === "chat.postMessage" && call.response.ok) slackPosts.push(String(call.body.channel));
  for (const call of connector.calls.slice(seen.teams))
    if (call.method === "POST" && call.body?.type === "message") teamsMessages += 1;
  if (fake.calls.length > 10_000) fake.reset();
  if (connector.calls.length > 10_000) connector.calls.length = 0;
  seen = { slack: fake.calls.length, teams: connector.calls.length };
}

const control = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://control");
  collect();
  const answer =
    url.pathname === "/urls"
      ? { slack: fake.apiUrl, connector: connector.url }
      : url.searchParams.has("teams")
        ? teamsMessages
        : slackPosts.filter((channel) => channel.startsWith(url.searchParams.get("prefix") ?? "")).length;
  if (url.pathname === "/reset") {
    slackPosts = [];
    teamsMessages = 0;
  }
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
});
control.listen(Number(process.env.PORT), "127.0.0.1");
