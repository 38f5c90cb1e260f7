import { EDIT_TEXT } from "../graph/nodes/answer.js";
import type { UserAccess } from "./access.js";
import type { ConversationService, FormResult, Speaker } from "./conversation.js";
import { notice } from "./conversation.js";
import type { DigestCommands } from "./digest/digest-commands.js";
import { digestWords } from "./digest/in-words.js";
import type { OfferCommands, OffersCommandLine, ParsedCommand } from "./offer-commands.js";
import { Turns } from "./turns.js";
import type { ActionId, HomeModel, Reply } from "./view-models.js";

/** A turn's answer and the thread the conversation continues in (a duplicate starts a new one). */
export interface BotTurn {
  replies: Reply[];
  threadKey: string;
  /** A decision typed in words ("submit for approval"): adapters run the approval workflow as for a click. */
  decided?: ActionId;
}

/**
 * The single entry point every channel adapter calls: messages, buttons, forms and `/offers`
 * commands, routed to the conversation service or the offer commands. Adapters translate only.
 */
export class OfferBot {
  constructor(
    private readonly conversation: ConversationService,
    private readonly commands: OfferCommands,
    private readonly digests?: DigestCommands,
    /** Adapters run each incoming event in one of these: its correlation id, and shutdown waits for it. */
    readonly turns = new Turns(),
  ) {}

  /** Typed text; "show me my offers", "pause #7" or "same as #7 but 25%" in words run as /offers would. */
  message(speaker: Speaker, threadKey: string, text: string, newThreadKey: () => string): Promise<BotTurn> {
    return this.turns.observe("message", async () => {
      await this.commands.refreshAccess();
      const digest = this.digests && digestWords(text);
      if (digest) return this.runCommand(speaker, threadKey, { verb: "digest", words: digest }, newThreadKey);
      const turn = await this.conversation.messageTurn(speaker, threadKey, text);
      const intent = turn.intent;
      if (intent?.kind === "submit") return { replies: turn.replies, threadKey, decided: "submit" };
      if (intent?.kind !== "offers") return { replies: turn.replies, threadKey };
      if (intent.verb === "list")
        return this.runCommand(speaker, threadKey, { verb: "list", offset: 0 }, newThreadKey);
      if (intent.verb === "drafts")
        return this.runCommand(speaker, threadKey, { verb: "drafts" }, newThreadKey);
      if (intent.offerId === undefined) return { replies: turn.replies, threadKey };
      if (intent.verb === "duplicate") {
        const target = newThreadKey();
        const replies = await this.conversation.duplicate(speaker, intent.offerId, target, text);
        return { replies, threadKey: target };
      }
      return this.runCommand(
        speaker,
        threadKey,
        { verb: intent.verb, offerId: intent.offerId },
        newThreadKey,
      );
    });
  }

  /** `/offers …`, read with `readOffersCommand`. */
  command(
    speaker: Speaker,
    threadKey: string,
    line: OffersCommandLine,
    newThreadKey: () => string,
  ): Promise<BotTurn> {
    return this.turns.observe("command", async () => {
      await this.commands.refreshAccess();
      const parsed = line.command;
      if ("error" in parsed) return { replies: [notice("warning", parsed.error)], threadKey };
      return this.runCommand(speaker, threadKey, parsed, newThreadKey);
    });
  }

  /** The stored draft, for pre-filling an edit form without any slow call. */
  draftOf(threadKey: string): ReturnType<ConversationService["draftOf"]> {
    return this.conversation.draftOf(threadKey);
  }

  /** An edit form's errors before it is accepted (no Kigo API call: a channel may have 3 s to answer). */
  formErrors(
    speaker: Speaker,
    threadKey: string | undefined,
    values: Record<string, unknown>,
    formVersion?: number,
  ): Promise<Record<string, string>> {
    return this.conversation.formErrors(speaker, threadKey, values, formVersion);
  }

  /** Everyone with a role: a channel without its own user directory (the console) picks from them. */
  people(): Promise<UserAccess[]> {
    return this.commands.people();
  }

  /** A user's home: their recent offers and open drafts. */
  home(speaker: Speaker): Promise<HomeModel> {
    return this.commands.home(speaker);
  }

  /** A submitted form counts as an action: the user clicked its Save. */
  submitForm(
    speaker: Speaker,
    threadKey: string,
    values: Record<string, unknown>,
    formVersion?: number,
  ): Promise<FormResult> {
    return this.turns.observe("action", async () => {
      await this.commands.refreshAccess();
      return this.conversation.submitForm(speaker, threadKey, values, formVersion);
    });
  }

  action(
    speaker: Speaker,
    threadKey: string,
    actionId: ActionId,
    value: string,
    options: { reason?: string; newThreadKey: () => string },
  ): Promise<BotTurn> {
    return this.turns.observe("action", async () => {
      await this.commands.refreshAccess();
      const offerId = Number(value);
      switch (actionId) {
        case "offers_page":
          return this.runCommand(speaker, threadKey, pageOf(value), options.newThreadKey);
        case "offer_show":
        case "offer_pause":
        case "offer_resume":
        case "offer_end":
        case "offer_analytics":
        case "offer_duplicate":
          return this.runCommand(
            speaker,
            threadKey,
            { verb: actionId.slice("offer_".length) as "show", offerId },
            options.newThreadKey,
          );
        case "offer_extend": {
          const [id, days] = value.split(":").map(Number);
          return this.runCommand(
            speaker,
            threadKey,
            { verb: "extend", offerId: id ?? Number.NaN, ...(days ? { days } : {}) },
            options.newThreadKey,
          );
        }
        case "offer_end_confirmed":
          return { replies: await this.commands.endConfirmed(speaker, offerId), threadKey };
        case "draft_resume":
          return { replies: await this.conversation.current(speaker, value), threadKey: value };
        case "edit":
          return { replies: [EDIT_HELP], threadKey };
        default:
          return {
            replies: await this.conversation.action(speaker, threadKey, actionId, value, {
              reason: options.reason,
            }),
            threadKey,
          };
      }
    });
  }

  private async runCommand(
    speaker: Speaker,
    threadKey: string,
    command: ParsedCommand,
    newThreadKey: () => string,
  ): Promise<BotTurn> {
    if (command.verb === "duplicate") {
      const target = newThreadKey();
      return {
        replies: await this.conversation.duplicate(speaker, command.offerId, target),
        threadKey: target,
      };
    }
    if (command.verb === "digest") {
      const replies = this.digests
        ? await this.digests.run(speaker, command.words)
        : [notice("error", "Digests aren't available in this process.")];
      return { replies, threadKey };
    }
    if (command.verb === "new") {
      return { replies: await this.commands.run(speaker, command), threadKey: newThreadKey() };
    }
    return { replies: await this.commands.run(speaker, command), threadKey };
  }
}

/** Channels without a form widget (the console) edit by typing; say how. */
const EDIT_HELP = notice("info", EDIT_TEXT);

function pageOf(value: string): ParsedCommand {
  try {
    const parsed = JSON.parse(value) as ParsedCommand;
    if (parsed.verb === "list") return parsed;
  } catch {
    // fall through to a fresh list
  }
  return { verb: "list", offset: 0 };
}
