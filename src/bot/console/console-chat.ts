import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";
import { ApprovalWorkflow } from "../../core/approvals.js";
import type { Speaker } from "../../core/conversation.js";
import { FORM } from "../../core/form.js";
import type { BotTurn, OfferBot } from "../../core/offer-bot.js";
import { readOffersCommand } from "../../core/offer-commands.js";
import type { Outbound } from "../../core/outbound.js";
import type { Action, ActionId, Reply } from "../../core/view-models.js";
import type { KeyValueStore } from "../../stores/kv.js";
import { actionsOf, renderText } from "../../views/text/render.js";
import { consoleOutbound } from "./outbound.js";

export interface ConsoleChatOptions {
  bot: OfferBot;
  /** Where approval requests are remembered, as for every channel. */
  kv: KeyValueStore;
  ttlSeconds: number;
  input: Readable;
  output: Writable;
  /** Who types first; `/as` switches to another user from the roles file. */
  speaker: Speaker;
  /** Scheduled digests and alerts print here; their charts are saved under `chartDir`. */
  digests?: { start(outbound: Outbound): Promise<void> };
  chartDir?: string;
}

const HELP = [
  "Describe an offer in plain words, answer the questions, and pick numbered choices by typing the number.",
  "  /offers <command>   list, show ID, pause ID, resume ID, end ID, extend ID, duplicate ID, analytics ID, drafts, help",
  "  /offers digest …    scheduled digests: subscribe weekly, list, preview, unsubscribe ID, run ID",
  "  /new                start another offer",
  "  /as <user>          act as another user from the roles file (e.g. an approver)",
  "  set <field> <value> change one field exactly (e.g. set offerValue 25)",
  "  /quit               leave (or just quit)",
].join("\n");

const newThreadKey = () => `console:${randomUUID()}`;

/** The fields `set <field> <value>` changes: those of the edit form. */
const FORM_FIELDS: string[] = FORM.flatMap((section) => section.inputs.map((input) => input.field));

/**
 * The terminal chat: the embedded default channel. Buttons become numbered choices; everything
 * else goes to the same bot core Slack and Teams use.
 */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { bot, input, output } = options;
  const terminal = createInterface({ input, output, terminal: false });
  const say = (text: string) => output.write(`${text}\n`);
  const outbound = consoleOutbound(say, options.chartDir);
  // Approvers read requests on the same screen: the console is its own approvals channel.
  const approvals = new ApprovalWorkflow({
    kv: options.kv,
    outbound,
    channel: "console",
    ttlSeconds: options.ttlSeconds,
  });
  let speaker = options.speaker;
  let threadKey = newThreadKey();
  let choices: Action[] = [];
  /** The choice the last turn answered, for the approval workflow to follow up. */
  let decided: ActionId | undefined;

  // A number picks a choice only from the list just shown; anything shown after it clears it.
  const show = (turn: BotTurn) => {
    threadKey = turn.threadKey;
    choices = numberedChoices(turn.replies);
    for (const reply of turn.replies) say(renderText(reply));
    if (choices.length > 0)
      for (const [index, action] of choices.entries()) say(`  ${index + 1}) ${action.label}`);
    else {
      const hint = choiceHint(turn.replies);
      if (hint) say(hint);
    }
  };
  // The line iterator buffers input, so lines pasted or piped ahead of the prompt are not lost.
  const lines = terminal[Symbol.asyncIterator]();
  // Started once the line iterator exists: lines piped in meanwhile are buffered, not lost.
  await options.digests?.start(outbound);
  const read = async (prompt: string): Promise<string | undefined> => {
    output.write(prompt);
    const next = await lines.next();
    return next.done ? undefined : next.value;
  };
  const ask = async (prompt: string) => (await read(prompt))?.trim() ?? "";

  say("Kigo Offer Manager — tell me about the offer you want to create. Type /help for commands.");
  for (let line = await read("> "); line !== undefined; line = await read("> ")) {
    const text = line.trim();
    if (!text) continue;
    // The terminal is the console's only place: "quit" there means leave, slash or not.
    if (/^\/?(quit|exit)$/i.test(text)) break;
    try {
      await bot.turns.run("console", async () => {
        decided = undefined;
        const turn = await handle(text);
        if (turn) show(turn);
        const actionId = decided ?? turn?.decided;
        if (turn && actionId) await approvals.afterDecision({ ...turn, actionId, userId: speaker.userId });
      });
    } catch (error) {
      say(`❌ ${(error as Error).message}`);
    }
  }
  say("Bye. Your drafts are kept.");
  terminal.close();

  async function handle(text: string): Promise<BotTurn | undefined> {
    if (text === "/help") {
      say(HELP);
      return undefined;
    }
    const as = /^\/as(?:\s+(\S+))?$/.exec(text);
    if (as) {
      await actAs(as[1]);
      return undefined;
    }
    if (text === "/new")
      return { replies: [notice("Starting a new offer. Tell me about it.")], threadKey: newThreadKey() };
    if (text.startsWith("/offers"))
      return bot.command(speaker, threadKey, readOffersCommand(text.slice("/offers".length)), newThreadKey);
    const set = /^set\s+(\w+)\s+(.+)$/i.exec(text);
    const field = set && FORM_FIELDS.find((name) => name.toLowerCase() === set[1]?.toLowerCase());
    // "set up a digest", "set the budget to 5k": words for the conversation, not a field name.
    if (set && field) {
      const result = await bot.submitForm(speaker, threadKey, { [field]: set[2] });
      return result.ok
        ? { replies: result.replies, threadKey }
        : { replies: Object.values(result.errors).map(warning), threadKey };
    }
    const choice = /^\d+$/.test(text) ? choices[Number(text) - 1] : undefined;
    choices = [];
    if (choice) return choose(choice);
    return bot.message(speaker, threadKey, text, newThreadKey);
  }

  /** The console has no sign-in: anyone at the terminal may speak as anyone the roles file lists. */
  async function actAs(userId: string | undefined): Promise<void> {
    const people = await bot.people();
    const person = people.find((candidate) => candidate.userId === userId);
    if (!person) {
      const names = people.map((candidate) => `${candidate.userId} (${candidate.roles.join(", ")})`);
      say(
        `${userId ? `No one called "${userId}" has a role.` : `You are ${speaker.userId}.`} Act as: ${names.join("; ")}.`,
      );
      return;
    }
    speaker = { ...speaker, userId: person.userId };
    say(`You are now ${person.userId} (${person.roles.join(", ")}), in the same conversation.`);
  }

  async function choose(action: Action): Promise<BotTurn | undefined> {
    if (action.confirm) {
      const answer = await ask(`${action.confirm.text} ${action.confirm.confirm}? (y/N) `);
      if (!/^y(es)?$/i.test(answer)) return { replies: [notice("Left as it was.")], threadKey };
    }
    const reason = action.id === "reject" ? await ask("Reason for rejecting: ") : undefined;
    decided = action.id;
    return bot.action(speaker, threadKey, action.id, action.value, {
      newThreadKey,
      ...(reason ? { reason } : {}),
    });
  }
}

/** Replies whose actions the console numbers: the conversation's choices, drafts and list pages. */
const NUMBERED: ReadonlySet<Reply["kind"]> = new Set([
  "question",
  "preview",
  "notice",
  "drafts",
  "offer_list",
]);

/**
 * Suggestions that are themselves numbers ("1", "3", "5") are not numbered: typing "3" must mean
 * three, not the third choice. Offer cards' buttons are named instead (typing "pause #7" works),
 * so a number never presses a button of a card shown in passing.
 */
function numberedChoices(replies: Reply[]): Action[] {
  const actions = replies.filter((reply) => NUMBERED.has(reply.kind)).flatMap(actionsOf);
  return actions.some((action) => /^\$?[\d,.]+%?$/.test(action.label.trim())) ? [] : actions;
}

function choiceHint(replies: Reply[]): string | undefined {
  const suggestions = replies.filter((reply) => reply.kind === "question").flatMap(actionsOf);
  if (suggestions.length > 0) return `  (e.g. ${suggestions.map((action) => action.label).join(", ")})`;
  const card = replies.find((reply) => reply.kind === "offer_detail");
  if (card?.kind !== "offer_detail" || actionsOf(card).length === 0) return undefined;
  const id = card.offer.offerId;
  return `  (type e.g. "pause #${id}", "duplicate #${id}", "how is #${id} doing?")`;
}

function notice(text: string): Reply {
  return { kind: "notice", tone: "info", text };
}

function warning(text: string): Reply {
  return { kind: "notice", tone: "warning", text };
}
