import { blockKitProblems, type Surface } from "./block-kit-limits.js";
import type { Decoded } from "./body.js";
import { APP_ID, BOT_ID, BOT_USER_ID, dmChannel, nextTs, TEAM_ID, TEAM_NAME } from "./ids.js";
import type { StoredMessage, Workspace } from "./workspace.js";

/** The Web API methods the bot uses, answered the way Slack answers them. */

export type Answer = Decoded & { ok: boolean };
type Method = (body: Decoded, workspace: Workspace) => Answer;

const MAX_TEXT = 40_000;

const ok = (fields: Decoded = {}): Answer => ({ ok: true, ...fields });
const fail = (error: string, fields: Decoded = {}): Answer => ({ ok: false, error, ...fields });
const errorMessages = (problems: string[]) => ({ messages: problems.map((p) => `[ERROR] ${p}`) });

function messageRejection(body: Decoded): Answer | undefined {
  const { channel, text, blocks, attachments } = body;
  if (!channel) return fail("channel_not_found");
  if (!text && blocks === undefined && attachments === undefined) return fail("no_text");
  if (typeof text === "string" && text.length > MAX_TEXT) return fail("msg_too_long");
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return fail("invalid_blocks_format");
  const errors = blockKitProblems("message", blocks);
  if (errors.length === 0) return undefined;
  return fail("invalid_blocks", { errors, response_metadata: errorMessages(errors) });
}

/** Slack checks views against their schema and answers invalid_arguments, not invalid_blocks. */
function viewRejection(surface: Surface, body: Decoded, needsTrigger: boolean): Answer | undefined {
  const view = body.view ?? null;
  const problems = blockKitProblems(surface, view?.blocks, view);
  if (needsTrigger && !body.trigger_id) problems.unshift("missing required field: trigger_id");
  return problems.length
    ? fail("invalid_arguments", { response_metadata: errorMessages(problems) })
    : undefined;
}

function viewAnswer(view: Decoded, id: string): Answer {
  return ok({
    view: {
      id,
      team_id: TEAM_ID,
      app_id: APP_ID,
      bot_id: BOT_ID,
      root_view_id: id,
      hash: `${Date.now()}.${id}`,
      state: { values: {} },
      private_metadata: "",
      callback_id: "",
      external_id: "",
      ...view,
    },
  });
}

const openView =
  (needsTrigger: boolean): Method =>
  (body, workspace) =>
    viewRejection("modal", body, needsTrigger) ?? viewAnswer(body.view, workspace.nextId("V"));

function postMessage(body: Decoded, workspace: Workspace): Answer {
  const channel = dmChannel(body.channel);
  const message = workspace.postAsBot(channel, {
    text: body.text,
    blocks: body.blocks,
    thread_ts: body.thread_ts,
  });
  return ok({ channel, ts: message.ts, message });
}

function updateMessage(body: Decoded, workspace: Workspace): Answer {
  const message = workspace.find(body.channel, body.ts);
  if (!message) return fail("message_not_found");
  if (body.text !== undefined) message.text = body.text;
  if (body.blocks !== undefined) message.blocks = body.blocks;
  return ok({ channel: body.channel, ts: message.ts, text: message.text, message });
}

/** A channel the bot is not in, or a DM between two people: Slack answers as if it did not exist. */
const outside = (body: Decoded, workspace: Workspace): Answer | undefined =>
  body.channel && workspace.isOutside(body.channel) ? fail("channel_not_found") : undefined;

const byTs = (a: StoredMessage, b: StoredMessage) => a.ts.localeCompare(b.ts);

function uploadURL(body: Decoded, workspace: Workspace): Answer {
  if (!body.filename || !body.length) return fail("invalid_arguments");
  const fileId = workspace.nextId("F");
  workspace.uploads.set(fileId, { filename: body.filename });
  return ok({ upload_url: `${workspace.origin}/upload/v1/${fileId}`, file_id: fileId });
}

function completeUpload(body: Decoded, workspace: Workspace): Answer {
  const files = (Array.isArray(body.files) ? body.files : []).map((file: Decoded) => {
    const upload = workspace.uploads.get(file.id);
    return { id: file.id, title: file.title, name: upload?.filename, size: upload?.content?.length };
  });
  return ok({ files });
}

const answerOk: Method = () => ok();

/** A channel's facts; a private channel the bot is not in is hidden from it, as Slack hides it. */
function conversationInfo(body: Decoded, workspace: Workspace): Answer {
  const id = body.channel;
  if (!id) return fail("channel_not_found");
  const declared = workspace.declared.get(id);
  if (declared?.is_private && !declared.is_member) return fail("channel_not_found");
  return ok({
    channel: {
      id,
      name: declared?.name ?? id.toLowerCase(),
      is_channel: id.startsWith("C"),
      is_im: id.startsWith("D"),
      is_private: declared?.is_private ?? id.startsWith("G"),
      is_archived: declared?.is_archived ?? false,
      is_member: !workspace.isOutside(id),
    },
  });
}

/** Slack may answer fewer than asked even with more to come; the fake pages at most this many. */
const MAX_PAGE = 100;

/** The declared channels of the asked types, paged with an opaque cursor like Slack's. */
function conversationList(body: Decoded, workspace: Workspace): Answer {
  const types = String(body.types ?? "public_channel").split(",");
  const archived = body.exclude_archived === true || body.exclude_archived === "true";
  const visible = [...workspace.declared.values()].filter(
    (channel) =>
      types.includes(channel.is_private ? "private_channel" : "public_channel") &&
      // Private channels are listed only to their members.
      (!channel.is_private || channel.is_member) &&
      !(archived && channel.is_archived),
  );
  const start = body.cursor ? Number(Buffer.from(String(body.cursor), "base64").toString()) : 0;
  const size = Math.min(Number(body.limit ?? MAX_PAGE), MAX_PAGE);
  const end = start + size;
  const next = end < visible.length ? Buffer.from(String(end)).toString("base64") : "";
  return ok({ channels: visible.slice(start, end), response_metadata: { next_cursor: next } });
}

export const METHODS: Record<string, Method> = {
  "auth.test": () =>
    ok({
      url: "https://test.slack.com/",
      team: TEAM_NAME,
      user: "kigo",
      team_id: TEAM_ID,
      user_id: BOT_USER_ID,
      bot_id: BOT_ID,
      is_enterprise_install: false,
    }),
  "chat.postMessage": (body, workspace) =>
    outside(body, workspace) ?? messageRejection(body) ?? postMessage(body, workspace),
  "chat.update": (body, workspace) => messageRejection(body) ?? updateMessage(body, workspace),
  "chat.postEphemeral": (body, workspace) =>
    outside(body, workspace) ??
    messageRejection(body) ??
    (body.user ? ok({ message_ts: nextTs() }) : fail("user_not_in_channel")),
  "apps.connections.open": (_body, workspace) =>
    ok({ url: `${workspace.origin.replace(/^http/, "ws")}/link/?ticket=${workspace.nextId("ticket-")}` }),
  "chat.delete": (body, workspace) =>
    workspace.remove(body.channel, body.ts)
      ? ok({ channel: body.channel, ts: body.ts })
      : fail("message_not_found"),
  "chat.startStream": (body) => ok({ channel: body.channel, ts: nextTs() }),
  "chat.appendStream": (body) => ok({ channel: body.channel, ts: body.ts }),
  "chat.stopStream": (body) => ok({ channel: body.channel, ts: body.ts }),
  "views.open": openView(true),
  "views.push": openView(true),
  "views.update": (body, workspace) =>
    viewRejection(body.view?.type === "home" ? "home" : "modal", body, false) ??
    viewAnswer(body.view, body.view_id ?? workspace.nextId("V")),
  "views.publish": (body, workspace) =>
    viewRejection("home", body, false) ?? viewAnswer(body.view, workspace.nextId("V")),
  "users.info": (body, workspace) =>
    body.user ? ok({ user: workspace.user(body.user) }) : fail("user_not_found"),
  "conversations.info": conversationInfo,
  "conversations.list": conversationList,
  "conversations.open": (body) => {
    const target = body.channel ?? String(body.users ?? "").split(",")[0];
    return target
      ? ok({ no_op: true, already_open: true, channel: { id: dmChannel(target) } })
      : fail("user_not_found");
  },
  "conversations.history": (body, workspace) =>
    ok({
      messages: workspace
        .messagesIn(body.channel)
        .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
        .sort(byTs)
        .reverse(),
      has_more: false,
      response_metadata: { next_cursor: "" },
    }),
  "conversations.replies": (body, workspace) => {
    const thread = workspace
      .messagesIn(body.channel)
      .filter((m) => m.ts === body.ts || m.thread_ts === body.ts)
      .sort(byTs);
    return thread.length ? ok({ messages: thread, has_more: false }) : fail("thread_not_found");
  },
  "assistant.threads.setStatus": answerOk,
  "assistant.threads.setSuggestedPrompts": answerOk,
  "assistant.threads.setTitle": answerOk,
  "files.getUploadURLExternal": uploadURL,
  "files.completeUploadExternal": completeUpload,
};
