import { createHmac, randomUUID } from "node:crypto";
import { APP_ID, BOT_ID, BOT_USER_ID, dmChannel, nextTs, TEAM_ID } from "./ids.js";

/**
 * Requests to Bolt's HTTP receiver shaped and signed the way Slack sends them. Events are JSON envelopes;
 * interactivity, slash commands and shortcuts are form-encoded, so their builders return URLSearchParams.
 */

type Payload = Record<string, unknown>;

export interface SignedPostOptions {
  contentType?: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  retryNum?: number;
  retryReason?: string;
  /** Sign with a different secret, as a forger would. */
  forgeSignature?: boolean;
}

const FORM = "application/x-www-form-urlencoded";
// Deprecated in favour of signatures, but Slack still sends it.
const VERIFICATION_TOKEN = "fake-verification-token";
const RESPONSE_URL = `https://hooks.slack.com/actions/${TEAM_ID}/1/fake`;

let sequence = 0;
const next = () => {
  sequence += 1;
  return sequence;
};
const nowSeconds = () => Math.floor(Date.now() / 1000);
// Unique across runs like Slack's: queued work is keyed by it in Redis, which outlives a run.
const triggerId = () => `${Date.now()}${next()}.${TEAM_ID}.fake-trigger`;
const userOf = (id: string) => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: TEAM_ID });
const team = { id: TEAM_ID, domain: "test" };

export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

export function signedPost(
  url: string,
  secret: string,
  body: string | URLSearchParams | object,
  options: SignedPostOptions = {},
): Promise<Response> {
  const isForm = body instanceof URLSearchParams;
  const raw = typeof body === "string" || isForm ? body.toString() : JSON.stringify(body);
  // Bolt compares the content type exactly, so no charset: Slack sends none either.
  const contentType = options.contentType ?? (isForm ? FORM : "application/json");
  const timestamp = options.timestamp ?? nowSeconds();
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(options.forgeSignature ? `not-${secret}` : secret, timestamp, raw),
  };
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = options.retryReason ?? "http_timeout";
  }
  return fetch(url, { method: "POST", headers, body: raw });
}

export function eventCallback({
  teamId = TEAM_ID,
  event,
  eventId,
}: {
  teamId?: string;
  event: Payload;
  eventId?: string;
}) {
  return {
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    api_app_id: APP_ID,
    event,
    type: "event_callback",
    // Unique across runs like Slack's: the bot remembers event ids in Redis, which outlives a run.
    event_id: eventId ?? `Ev${randomUUID().replaceAll("-", "").slice(0, 12).toUpperCase()}`,
    event_time: nowSeconds(),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: BOT_USER_ID,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

export interface MessageEventArgs {
  channel: string;
  user: string;
  text: string;
  ts?: string;
  thread_ts?: string;
}

export function messageEvent({
  channel_type,
  ts = nextTs(),
  ...fields
}: MessageEventArgs & { channel_type: "im" | "channel" }) {
  return {
    type: "message",
    ...fields,
    ts,
    event_ts: ts,
    channel_type,
    team: TEAM_ID,
    client_msg_id: `msg-${next()}`,
  };
}

/** `text` is the whole message, mention included (`<@UBOT> …`), as Slack sends it. */
export function appMentionEvent({ ts = nextTs(), ...fields }: MessageEventArgs) {
  return { type: "app_mention", ...fields, ts, event_ts: ts, team: TEAM_ID, client_msg_id: `msg-${next()}` };
}

export function appHomeOpenedEvent(user: string) {
  return { type: "app_home_opened", user, channel: dmChannel(user), tab: "home", event_ts: nextTs() };
}

function interactivity(payload: Payload): URLSearchParams {
  return new URLSearchParams({ payload: JSON.stringify(payload) });
}

export interface BlockActionArgs {
  user: string;
  action_id: string;
  /** A button's value; for an overflow menu, give `selected_option` instead. */
  value?: string;
  /** The option chosen in an overflow menu: the action is then an overflow, not a button. */
  selected_option?: { text: Payload; value: string };
  block_id?: string;
  trigger_id?: string;
  channel?: string;
  message_ts?: string;
  thread_ts?: string;
  /** The modal or Home tab the button sits in; without it the button sits in a message. */
  view?: Payload & { id: string };
}

export function blockAction(args: BlockActionArgs): URLSearchParams {
  const {
    user,
    action_id,
    value = "",
    selected_option,
    block_id = "actions",
    trigger_id = triggerId(),
    view,
  } = args;
  const { channel = dmChannel(user), message_ts = nextTs(), thread_ts } = args;
  const where = view
    ? { container: { type: "view", view_id: view.id }, view }
    : {
        container: { type: "message", message_ts, channel_id: channel, is_ephemeral: false, thread_ts },
        channel: { id: channel, name: channel.toLowerCase() },
        message: { type: "message", ts: message_ts, thread_ts, user: BOT_USER_ID, text: "" },
      };
  return interactivity({
    type: "block_actions",
    user: userOf(user),
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id,
    team,
    enterprise: null,
    is_enterprise_install: false,
    response_url: RESPONSE_URL,
    ...where,
    actions: [
      selected_option
        ? { type: "overflow", action_id, block_id, selected_option, action_ts: nextTs() }
        : {
            type: "button",
            action_id,
            block_id,
            value,
            action_ts: nextTs(),
            text: { type: "plain_text", text: value },
          },
    ],
  });
}

export interface ViewSubmissionArgs {
  user: string;
  callback_id: string;
  private_metadata?: string;
  /** Slack's shape: block_id → action_id → { type, value | selected_option | … }. */
  values: Record<string, Record<string, Payload>>;
}

export function viewSubmission({ user, callback_id, private_metadata = "", values }: ViewSubmissionArgs) {
  // Unique across runs like Slack's: queued work is keyed by it in Redis, which outlives a run.
  const id = `V${Date.now().toString(36).toUpperCase()}${next()}`;
  return interactivity({
    type: "view_submission",
    team,
    user: userOf(user),
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: triggerId(),
    view: {
      id,
      team_id: TEAM_ID,
      type: "modal",
      callback_id,
      private_metadata,
      state: { values },
      hash: `${nowSeconds()}.fake`,
      root_view_id: id,
      app_id: APP_ID,
      bot_id: BOT_ID,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  });
}

export function slashCommand(args: {
  user: string;
  channel: string;
  command: string;
  text: string;
  trigger_id?: string;
  /** Where respond() posts; a fake's responseUrl() to see the answer. */
  response_url?: string;
}) {
  return new URLSearchParams({
    token: VERIFICATION_TOKEN,
    team_id: TEAM_ID,
    team_domain: team.domain,
    channel_id: args.channel,
    channel_name: args.channel.toLowerCase(),
    user_id: args.user,
    user_name: args.user.toLowerCase(),
    command: args.command,
    text: args.text,
    api_app_id: APP_ID,
    is_enterprise_install: "false",
    response_url: args.response_url ?? RESPONSE_URL,
    trigger_id: args.trigger_id ?? triggerId(),
  });
}

export function globalShortcut({
  user,
  callback_id,
  trigger_id = triggerId(),
}: {
  user: string;
  callback_id: string;
  trigger_id?: string;
}) {
  return interactivity({
    type: "shortcut",
    token: VERIFICATION_TOKEN,
    action_ts: nextTs(),
    team,
    user: userOf(user),
    is_enterprise_install: false,
    enterprise: null,
    callback_id,
    trigger_id,
  });
}
