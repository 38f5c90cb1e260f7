import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "pino";
import { isRedisOutage } from "../../redis.js";

const UNREACHABLE =
  "The conversation store is unreachable right now, so this was not taken. Please try again in a minute.";

interface OutageBody {
  event?: { type?: string; channel?: string; channel_type?: string; ts?: string; thread_ts?: string };
  user?: { id?: string };
  user_id?: string;
}

/**
 * Redis down: the listener's first store read (the event de-duplication, the thread registry)
 * fails before the core can answer, and Bolt has already acknowledged an event, so the user would
 * hear nothing. They are told instead, where they wrote (or privately), without touching the store;
 * other failures go on to the app's error handler.
 */
export function tellStoreOutage(logger?: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (error) {
      const originals = (error as { originals?: unknown[] } | undefined)?.originals ?? [];
      if (!isRedisOutage(error) && !originals.some(isRedisOutage)) throw error;
      logger?.error({ err: error }, "conversation store unreachable");
      await tell(args, args.body as OutageBody).catch((failure: unknown) =>
        logger?.warn({ err: failure }, "could not tell the user the store is unreachable"),
      );
    }
  };
}

async function tell(args: AnyMiddlewareArgs & AllMiddlewareArgs, body: OutageBody): Promise<void> {
  const { client } = args;
  const event = body.event;
  if (event?.channel && (event.type === "message" || event.type === "app_mention")) {
    const thread = event.thread_ts ?? (event.channel_type === "im" ? undefined : event.ts);
    await client.chat.postMessage({
      channel: event.channel,
      text: UNREACHABLE,
      ...(thread ? { thread_ts: thread } : {}),
    });
    return;
  }
  if (event) return; // Home opened, a member joined: nothing the user is waiting on.
  const respond = (args as { respond?: (message: object) => Promise<unknown> }).respond;
  if (respond) {
    await respond({ response_type: "ephemeral", replace_original: false, text: UNREACHABLE });
    return;
  }
  const user = body.user?.id ?? body.user_id;
  if (user) await client.chat.postMessage({ channel: user, text: UNREACHABLE });
}
