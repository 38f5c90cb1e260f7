import { z } from "zod";
import type { KigoClient } from "../../kigo/client.js";
import type { AuditLog, AuditRecord } from "../../stores/audit.js";
import type { AccessPolicy, UserAccess } from "../access.js";
import { notice, type Speaker } from "../conversation.js";
import type { Reply } from "../view-models.js";
import type { DigestService } from "./digest-service.js";
import type { DigestFrequency } from "./figures.js";
import { resolveScope, type ScopeWords } from "./scope.js";
import { parseSubscribe } from "./subscribe-command.js";
import { type DigestSubscription, frequencyOf, nextRunText, scheduleText } from "./subscription.js";

export const DIGEST_HELP = [
  'digest subscribe [#channel] daily|weekly|monthly|cron "…" [on DAY] [at HH:MM] [tz Area/City] [merchant:NAME|program:NAME] — post a digest on a schedule',
  "digest list — the digests being posted",
  "digest unsubscribe ID — stop one",
  "digest preview [merchant:NAME|program:NAME] [daily|weekly|monthly] — one now, only to you",
  "digest run ID — post one now (publishers)",
];

const ROLE_OF = {
  subscribe: "editor",
  unsubscribe: "editor",
  list: "viewer",
  preview: "viewer",
  run: "publisher",
} as const;
type Verb = keyof typeof ROLE_OF;

export interface DigestCommandDeps {
  client: KigoClient;
  access: AccessPolicy;
  audit: AuditLog;
  digests: DigestService;
  defaultTimeZone: string;
  now?: () => Date;
}

const previewWords = z.object({
  frequency: z.enum(["daily", "weekly", "monthly"]).default("weekly"),
  merchant: z.string().optional(),
  program: z.string().optional(),
});

/** `/offers digest …`: subscriptions of channels to scheduled digests, checked against roles. */
export class DigestCommands {
  constructor(private readonly deps: DigestCommandDeps) {}

  async run(speaker: Speaker, words: string): Promise<Reply[]> {
    const [first = "help", ...rest] = words.trim().split(/\s+/).filter(Boolean);
    const verb = first.toLowerCase();
    if (!(verb in ROLE_OF))
      return [notice("info", ["Digests:", ...DIGEST_HELP.map((line) => `/offers ${line}`)].join("\n"))];
    const access = this.deps.access.of(speaker.userId);
    const refusal = this.deps.access.refusal(access, ROLE_OF[verb as Verb]);
    if (refusal) return [notice("error", refusal)];
    if (!this.deps.digests.started)
      return [
        notice(
          "error",
          "Digests aren't running in this process. Ask an operator to check the bot's start-up log.",
        ),
      ];
    const args = rest.join(" ");
    switch (verb as Verb) {
      case "subscribe":
        return [await this.subscribe(speaker, access, args)];
      case "list":
        return [await this.list(access)];
      case "unsubscribe":
        return [await this.unsubscribe(speaker, access, args)];
      case "preview":
        return [await this.preview(speaker, access, args)];
      case "run":
        return [await this.postNow(access, args)];
    }
  }

  private async subscribe(speaker: Speaker, access: UserAccess, args: string): Promise<Reply> {
    const timeZone = speaker.timeZone ?? this.deps.defaultTimeZone;
    const parsed = parseSubscribe(args, timeZone);
    if (!parsed.ok) return notice("warning", parsed.error);
    const { request } = parsed;
    const typedChannel = request.channel ?? speaker.channelId;
    if (!typedChannel)
      return notice("warning", "Say which channel the digest goes to, e.g. `#dealer-promos`.");
    const channel = await this.deps.digests
      .outbound()
      .channel(typedChannel, speaker.channelId ? { channelId: speaker.channelId } : {});
    if ("problem" in channel) return notice("warning", channel.problem);
    const scope = await resolveScope(this.deps, access, scopeWords(request));
    if (!scope.ok) return notice("warning", scope.error);
    const subscription = await this.deps.digests.add({
      channel: channel.channel,
      channelName: channel.name,
      schedule: request.schedule,
      cron: request.cron,
      timeZone: request.timeZone,
      frequency: frequencyOf(request),
      scope: scope.scope,
      createdBy: speaker.userId,
      createdAt: this.now().toISOString(),
    });
    await this.record(speaker, "subscribe", `#${subscription.id} to ${channel.name}`);
    const next = nextRunText(subscription, this.now());
    return notice(
      "success",
      `Subscribed ${channel.name} to the ${subscription.frequency} digest for ${scope.scope.label}, ${scheduleText(subscription)} (subscription ${subscription.id}).` +
        (next ? ` The first one comes ${next}.` : "") +
        ` "/offers digest preview" shows one now; "/offers digest unsubscribe ${subscription.id}" stops it.`,
    );
  }

  private async list(access: UserAccess): Promise<Reply> {
    const mine = (await this.deps.digests.all()).filter((subscription) => covers(access, subscription));
    if (mine.length === 0)
      return notice("info", 'No digests yet. Start one with "/offers digest subscribe #channel weekly".');
    return notice(
      "info",
      [
        "Digests being posted:",
        ...mine.map(
          (subscription) =>
            `  ${subscription.id}. ${subscription.channelName} · ${subscription.frequency} · ${subscription.scope.label} · ${scheduleText(subscription)}`,
        ),
      ].join("\n"),
    );
  }

  private async unsubscribe(speaker: Speaker, access: UserAccess, args: string): Promise<Reply> {
    const found = await this.find(access, args, "unsubscribe");
    if ("kind" in found) return found;
    await this.deps.digests.remove(found.id);
    await this.record(speaker, "unsubscribe", `#${found.id} from ${found.channelName}`);
    return notice(
      "success",
      `Stopped the ${found.frequency} digest to ${found.channelName} (subscription ${found.id}).`,
    );
  }

  private async preview(speaker: Speaker, access: UserAccess, args: string): Promise<Reply> {
    const words: Record<string, string> = {};
    for (const word of args.split(/\s+/).filter(Boolean)) {
      const scoped = /^(merchant|program):(.+)$/i.exec(word);
      if (scoped?.[1] && scoped[2]) words[scoped[1].toLowerCase()] = scoped[2];
      else if (/^(daily|weekly|monthly)$/i.test(word)) words.frequency = word.toLowerCase();
      else if (words.merchant) words.merchant += ` ${word}`;
      else
        return notice(
          "warning",
          `I didn't understand "${word}". ${DIGEST_HELP[3] ? `Use: /offers ${DIGEST_HELP[3]}` : ""}`,
        );
    }
    const { frequency, ...scopeWanted } = previewWords.parse(words);
    const scope = await resolveScope(this.deps, access, scopeWanted);
    if (!scope.ok) return notice("warning", scope.error);
    const timeZone = speaker.timeZone ?? this.deps.defaultTimeZone;
    const digest = await this.deps.digests.view(scope.scope, frequency as DigestFrequency, timeZone);
    await this.deps.digests
      .outbound()
      .tell(
        { userId: speaker.userId, ...(speaker.channelId ? { channel: speaker.channelId } : {}) },
        { kind: "digest", digest },
      );
    return notice(
      "info",
      `That's a preview of the ${frequency} digest for ${scope.scope.label}, shown only to you.`,
    );
  }

  private async postNow(access: UserAccess, args: string): Promise<Reply> {
    const found = await this.find(access, args, "run");
    if ("kind" in found) return found;
    await this.deps.digests.post(found);
    return notice("success", `Posted the ${found.frequency} digest to ${found.channelName}.`);
  }

  private async find(access: UserAccess, args: string, verb: Verb): Promise<DigestSubscription | Reply> {
    const id = args.trim().replace(/^#/, "");
    if (!/^\d+$/.test(id))
      return notice(
        "warning",
        `"${verb}" needs a subscription id, e.g. "/offers digest ${verb} 3" ("/offers digest list" shows them).`,
      );
    const subscription = await this.deps.digests.get(id);
    if (!subscription || !covers(access, subscription))
      return notice("warning", `There is no digest subscription ${id}. "/offers digest list" shows them.`);
    return subscription;
  }

  private record(speaker: Speaker, action: AuditRecord["action"], detail: string): Promise<void> {
    return this.deps.audit.record({
      at: this.now().toISOString(),
      who: speaker.userId,
      action,
      result: "ok",
      detail,
    });
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

/** A user limited to some merchants sees and manages only digests within them. */
function covers(access: UserAccess, subscription: DigestSubscription): boolean {
  if (access.merchantIds.length === 0) return true;
  const { scope } = subscription;
  return (
    scope.programId === undefined &&
    scope.merchantIds.length > 0 &&
    scope.merchantIds.every((id) => access.merchantIds.includes(id))
  );
}

function scopeWords(request: { merchant?: string; program?: string }): ScopeWords {
  return {
    ...(request.merchant && { merchant: request.merchant }),
    ...(request.program && { program: request.program }),
  };
}
