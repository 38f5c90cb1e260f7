import { ActivityHandler, CloudAdapter, getAuthConfigWithDefaults } from "@microsoft/agents-hosting";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { messagesRoute } from "../src/bot/teams/http.js";

/**
 * The baseline of the ack benchmark, run as a process of its own: a bare Bolt app (the bot's Bolt
 * version, HTTP receiver, one trivial listener) and, on the same server, a bare Agents SDK Teams
 * handler (anonymous, as the bot is measured, one trivial message handler). The Teams route uses the
 * bot's own node:http glue (`messagesRoute`: read the body, check the token, `process`) since the
 * SDK ships for Express only. PORT, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL.
 */

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const adapter = new CloudAdapter(getAuthConfigWithDefaults({}));
const handler = new ActivityHandler();
handler.onMessage(async (_context, next) => {
  await next();
});
const teams = messagesRoute(adapter, (context) => handler.run(context));

const app = new App({
  token: env("SLACK_BOT_TOKEN"),
  receiver: new HTTPReceiver({
    signingSecret: env("SLACK_SIGNING_SECRET"),
    endpoints: "/slack/events",
    customRoutes: [
      { path: "/api/messages", method: ["POST"], handler: (req, res) => void teams(req, res) },
      { path: "/readyz", method: ["GET"], handler: (_req, res) => res.writeHead(200).end("ok") },
    ],
  }),
  logLevel: LogLevel.WARN,
  clientOptions: { slackApiUrl: env("SLACK_API_URL") },
});
app.event("message", async () => {});
await app.start(Number(env("PORT")));
