/** Teams-shaped activities, as the Bot Connector POSTs them to /api/messages. */

export const BOT = { id: "28:kigo-bot-app-id", name: "Kigo" };
export const TENANT_ID = "66666666-7777-8888-9999-000000000000";
export const TIME_ZONE = "America/Chicago";

export type Activity = Record<string, unknown>;

/** Where an activity happens: a personal chat, or a channel thread (`19:…@thread.tacv2;messageid=…`). */
export interface Place {
  conversationId: string;
  conversationType: "personal" | "channel" | "groupChat";
  /** A channel's own id and name (channel conversations). */
  channel?: { id: string; name: string };
}

export const personalChat = (userId: string): Place => ({
  conversationId: `a:personal-${userId}`,
  conversationType: "personal",
});

/** A thread in a team channel: the conversation id names the channel, then the thread's root message. */
export function channelThread(channel: string, root = "1700000000000"): Place {
  const id = `19:${channel}@thread.tacv2`;
  return {
    conversationId: `${id};messageid=${root}`,
    conversationType: "channel",
    channel: { id, name: channel },
  };
}

/** The channel itself (what a conversationUpdate for a team names). */
export function channelRoot(channel: string): Place {
  const id = `19:${channel}@thread.tacv2`;
  return { conversationId: id, conversationType: "channel", channel: { id, name: channel } };
}

let counter = 0;
// Unique across runs like Teams' own: queued work is keyed by it in Redis, which outlives a run.
export const activityId = () => `in-${Date.now()}-${process.pid}-${++counter}`;

export interface From {
  /** The Entra object id: what roles are keyed by. */
  aadObjectId: string;
  name?: string;
}

export function teamsActivity(serviceUrl: string, from: From, place: Place, extra: Activity): Activity {
  return {
    id: activityId(),
    channelId: "msteams",
    serviceUrl,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    localTimezone: TIME_ZONE,
    from: {
      id: `29:${from.aadObjectId}`,
      name: from.name ?? from.aadObjectId,
      aadObjectId: from.aadObjectId,
    },
    recipient: BOT,
    conversation: {
      id: place.conversationId,
      conversationType: place.conversationType,
      tenantId: TENANT_ID,
      ...(place.conversationType === "channel" ? { isGroup: true } : {}),
    },
    channelData: {
      tenant: { id: TENANT_ID },
      ...(place.channel
        ? { channel: place.channel, team: { id: "19:team@thread.tacv2", name: "Dealers" } }
        : {}),
    },
    locale: "en-US",
    ...extra,
  };
}

/** A typed message (personal chat or group without mention). */
export const message = (serviceUrl: string, from: From, place: Place, text: string, extra: Activity = {}) =>
  teamsActivity(serviceUrl, from, place, { type: "message", text, textFormat: "plain", ...extra });

/** An @mention of the bot in a channel: `<at>Kigo</at> …` with its mention entity. */
export const mention = (serviceUrl: string, from: From, place: Place, text: string) =>
  teamsActivity(serviceUrl, from, place, {
    type: "message",
    text: `<at>${BOT.name}</at> ${text}`,
    textFormat: "plain",
    entities: [{ type: "mention", text: `<at>${BOT.name}</at>`, mentioned: BOT }],
  });

/** An `Action.Execute` click on the card `replyToId` (what Teams sends for it). */
export const cardAction = (
  serviceUrl: string,
  from: From,
  place: Place,
  action: { verb: string; data: unknown },
  replyToId?: string,
) =>
  teamsActivity(serviceUrl, from, place, {
    type: "invoke",
    name: "adaptiveCard/action",
    value: { action: { type: "Action.Execute", verb: action.verb, data: action.data }, trigger: "manual" },
    ...(replyToId ? { replyToId } : {}),
  });

/** An `Action.Submit` with `msteams.type: task/fetch` (Edit, New offer) opening a dialog. */
export const taskFetch = (serviceUrl: string, from: From, place: Place, data: unknown, replyToId?: string) =>
  teamsActivity(serviceUrl, from, place, {
    type: "invoke",
    name: "task/fetch",
    value: { data, context: { theme: "default" } },
    ...(replyToId ? { replyToId } : {}),
  });

/** The dialog's Submit: its inputs merged with the submit action's data. */
export const taskSubmit = (serviceUrl: string, from: From, place: Place, data: unknown) =>
  teamsActivity(serviceUrl, from, place, {
    type: "invoke",
    name: "task/submit",
    value: { data, context: { theme: "default" } },
  });

/** The bot added to a team or chat. */
export const conversationUpdate = (serviceUrl: string, from: From, place: Place) =>
  teamsActivity(serviceUrl, from, place, {
    type: "conversationUpdate",
    membersAdded: [BOT],
  });
