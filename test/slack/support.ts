import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { opsRoutes } from "../../src/bot/ops-routes.js";
import { createSlackBot, type SlackBot } from "../../src/bot/slack/slack-app.js";
import { type FakeSlack, type FakeSlackCall, startFakeSlack } from "../fakes/slack/server.js";
import {
  appHomeOpenedEvent,
  blockAction,
  eventCallback,
  messageEvent,
  type SignedPostOptions,
  signedPost,
  type ViewSubmissionArgs,
  viewSubmission,
} from "../fakes/slack/signed.js";
import { startTestApp, type TestApp } from "../support/bot.js";
import { SEED_MESSAGE } from "../support/seed.js";

export const SIGNING_SECRET = "test-signing-secret";
export const APPROVALS_CHANNEL = "CAPPROVALS";

/**
 * The real app and the real Bolt receiver, with a fake Slack Web API at the far edge; wired as
 * src/main.ts wires them, /healthz, /readyz and /metrics included.
 */
export interface SlackHarness {
  app: TestApp;
  fake: FakeSlack;
  slack: SlackBot;
  url: string;
  send(body: object | URLSearchParams, options?: SignedPostOptions): Promise<Response>;
  /** A DM from `user`, as Slack's `message.im` event. */
  dm(user: string, text: string, thread_ts?: string): Promise<Response>;
  /** Clicks the newest button labelled `label` the bot showed `user` (or anyone). */
  click(user: string, label: string | RegExp, extra?: { channel?: string }): Promise<Response>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** false: no SLACK_APPROVALS_CHANNEL. */
  approvals?: boolean;
  /** Settings for the app, e.g. another ROLES_FILE. */
  env?: Record<string, string>;
  /** Starts scheduled digests on the Slack app's outbound port once it listens, as src/main.ts does. */
  digests?: boolean;
}

export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const fake = await startFakeSlack();
  const app = await startTestApp(options.env);
  const slack = createSlackBot(
    {
      botToken: "xoxb-test",
      signingSecret: SIGNING_SECRET,
      apiUrl: fake.apiUrl,
      ...(options.approvals === false ? {} : { approvalsChannel: APPROVALS_CHANNEL }),
      routes: opsRoutes(app),
    },
    { bot: app.bot, kv: app.kv, ttlSeconds: 3600, metrics: app.metrics, readiness: app.readiness },
  );
  const { url = "" } = await slack.start(0, "127.0.0.1");
  if (options.digests) await app.digests.start(slack.outbound);
  const send = (body: object | URLSearchParams, options?: SignedPostOptions) =>
    signedPost(`${url}/slack/events`, SIGNING_SECRET, body, options);
  return {
    app,
    fake,
    slack,
    url,
    send,
    dm: (user, text, thread_ts) =>
      send(
        eventCallback({
          event: messageEvent({
            channel: `D${user}`,
            user,
            text,
            channel_type: "im",
            ...(thread_ts ? { thread_ts } : {}),
          }),
        }),
      ),
    click: (user, label, extra = {}) => {
      const found = newestButton(fake, label);
      if (!found) throw new Error(`no button ${label} in what the bot posted`);
      return send(
        blockAction({
          user,
          action_id: found.button.action_id,
          value: found.button.value,
          ...((extra.channel ?? found.channel) ? { channel: extra.channel ?? found.channel } : {}),
          ...(found.ts ? { message_ts: found.ts } : {}),
        }),
      );
    },
    async close() {
      await slack.stop();
      await app.close();
      await fake.close();
    },
  };
}

interface PostedButton {
  action_id: string;
  value: string;
  text: { text: string };
}

/** Every button in a call's blocks (messages) or view (modals, Home). */
export function buttonsOf(call: FakeSlackCall): PostedButton[] {
  const body = call.body as { blocks?: unknown[]; view?: { blocks?: unknown[] } };
  const blocks = body.blocks ?? body.view?.blocks ?? [];
  const found: PostedButton[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record.type === "button" && typeof record.action_id === "string")
        found.push(record as unknown as PostedButton);
      Object.values(record).forEach(walk);
    }
  };
  walk(blocks);
  return found;
}

function newestButton(fake: FakeSlack, label: string | RegExp) {
  const matches = (text: string) => (typeof label === "string" ? text === label : label.test(text));
  for (const call of [...fake.calls].reverse()) {
    const button = buttonsOf(call).find((candidate) => matches(candidate.text.text));
    if (button) {
      const body = call.body as { channel?: string; ts?: string };
      const response = call.response as { ts?: string; channel?: string };
      return { button, channel: response.channel ?? body.channel, ts: body.ts ?? response.ts };
    }
  }
  return undefined;
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** `npm start` (src/main.ts) in HTTP mode against a fake Slack, with what it prints on both streams. */
export function startMain(apiUrl: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: apiUrl,
      LOG_LEVEL: "silent",
      DATA_DIR: mkdtempSync(join(tmpdir(), "kigo-start-")),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const printed = { output: "" };
  const collect = (chunk: Buffer) => {
    printed.output += chunk.toString();
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  // Listened for from the start: a child that has already exited emits no second "exit".
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, printed, exited };
}

/** A call's body as text, to look for what a user would read in it. */
export const textOf = (call: FakeSlackCall) => JSON.stringify(call.body);

/** `user` DMs the seed's offer with `code` as its promo code; resolves with the draft's card. */
export async function postDraft(h: SlackHarness, user: string, code: string): Promise<FakeSlackCall> {
  await h.dm(user, SEED_MESSAGE.replace("DEALER20", code));
  return h.fake.waitFor("chat.postMessage", (call) => textOf(call).includes(code), 10_000);
}

/** The modal the bot opened with `callback_id` (and, if given, that `predicate` accepts). */
export async function openedModal(
  h: SlackHarness,
  callback_id: string,
  predicate: (call: FakeSlackCall) => boolean = () => true,
): Promise<{ call: FakeSlackCall; view: OpenedView }> {
  const call = await h.fake.waitFor(
    "views.open",
    (candidate) =>
      (candidate.body as { view: OpenedView }).view.callback_id === callback_id && predicate(candidate),
    5_000,
  );
  return { call, view: (call.body as { view: OpenedView }).view };
}

export interface OpenedView {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  submit?: { text: string };
  blocks: { type: string; block_id?: string; element?: { type: string; initial_value?: string } }[];
}

/** The block ids of a modal's inputs: the fields a user can fill in. */
export const inputsOf = (view: OpenedView) =>
  view.blocks.filter((block) => block.type === "input").map((block) => block.block_id);

/** `user` submits an opened modal with these inputs (Slack's block_id → action_id → element state). */
export function submitModal(
  h: SlackHarness,
  user: string,
  view: Pick<OpenedView, "callback_id" | "private_metadata">,
  values: ViewSubmissionArgs["values"],
): Promise<Response> {
  return h.send(
    viewSubmission({ user, callback_id: view.callback_id, private_metadata: view.private_metadata, values }),
  );
}

/** One text input's state, as Slack submits it under its block id. */
export const textInput = (field: string, value: string) => ({
  [field]: { [field]: { type: "plain_text_input", value } },
});

/**
 * One harness for a test file: started before its tests, closed after them. Use it at the top
 * level of the file (`const h = useSlackHarness();`); it is the harness once the tests run.
 */
export function useSlackHarness(options: HarnessOptions = {}): SlackHarness {
  let harness: SlackHarness | undefined;
  beforeAll(async () => {
    harness = await startSlackHarness(options);
  });
  afterAll(async () => {
    await harness?.close();
  });
  return new Proxy({} as SlackHarness, {
    get(_target, key) {
      if (!harness) throw new Error("the Slack harness runs only inside the file's tests");
      return Reflect.get(harness, key);
    },
  });
}

/** `user` opens the bot's Home tab; resolves with the Home the bot published for them. */
export async function openHome(h: SlackHarness, user: string): Promise<FakeSlackCall> {
  const before = h.fake.callsTo("views.publish").length;
  await h.send(eventCallback({ event: appHomeOpenedEvent(user) }));
  return h.fake.waitFor(
    "views.publish",
    (call) => call.body.user_id === user && h.fake.callsTo("views.publish").indexOf(call) >= before,
    10_000,
  );
}

/** `user` clicks `label` on one particular message, as Slack sends it (its channel and ts). */
export function clickOn(
  h: SlackHarness,
  card: FakeSlackCall,
  user: string,
  label: string,
): Promise<Response> {
  const button = buttonsOf(card).find((candidate) => candidate.text.text === label);
  if (!button) throw new Error(`no ${label} on that card`);
  const { channel, ts } = card.response;
  return h.send(
    blockAction({ user, action_id: button.action_id, value: button.value, channel, message_ts: ts }),
  );
}

/** `user` clicks the first button labelled `label` on a Home tab the bot published, as Slack sends it. */
export function clickOnHome(
  h: SlackHarness,
  home: FakeSlackCall,
  user: string,
  label: string,
  trigger_id?: string,
): Promise<Response> {
  const button = buttonsOf(home).find((candidate) => candidate.text.text === label);
  if (!button) throw new Error(`no ${label} on the Home tab`);
  const view = { id: String(home.response.view?.id), type: "home" };
  return h.send(
    blockAction({
      user,
      action_id: button.action_id,
      value: button.value ?? "",
      view,
      ...(trigger_id ? { trigger_id } : {}),
    }),
  );
}

/** `user` submits the new-offer form with only a promo code; resolves with the new draft's card. */
export async function submitNewOfferForm(
  h: SlackHarness,
  user: string,
  view: OpenedView,
  code: string,
): Promise<FakeSlackCall> {
  await submitModal(h, user, view, textInput("promoCode", code));
  return h.fake.waitFor("chat.postMessage", (call) => textOf(call).includes(code), 10_000);
}

/** `user` posts a draft with promo code `code` and clicks its Edit; resolves with the card and the opened form. */
export async function openEditForm(
  h: SlackHarness,
  user: string,
  code: string,
): Promise<{ card: FakeSlackCall; view: OpenedView }> {
  const card = await postDraft(h, user, code);
  await h.click(user, "Edit");
  const { view } = await openedModal(h, "edit_draft", (call) => textOf(call).includes(code));
  return { card, view };
}

/** What Bolt answered a view submission: `{}` when the modal closes, Slack's errors when it stays. */
export async function modalAnswer(
  response: Response,
): Promise<{ response_action?: string; errors?: Record<string, string> }> {
  const text = await response.text();
  return text ? JSON.parse(text) : {};
}
