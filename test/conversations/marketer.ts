import type { OfferBotApp } from "../../src/app.js";
import type { Reply } from "../../src/core/view-models.js";
import { Chat } from "../support/bot.js";
import { answersFor } from "./answers.js";
import { checkFields, type FieldCheck, readPublished, unpublishedFields } from "./published.js";
import type { Answers, AskedField, Conversation, Turn } from "./types.js";

/**
 * A simulated marketer: types the scripted turns, answers whatever the bot asks from what they
 * want, corrects the preview, says "publish" in words, then reads the offer back from the Kigo API.
 */

export interface ConversationResult {
  name: string;
  knownGap?: string;
  /** Typed messages plus clicks. */
  turns: number;
  turnsToPreview?: number;
  turnsToPublish?: number;
  /** Turns each correction took to bring the preview back. */
  correctionTurns: number[];
  publishedInWords: boolean;
  offerId?: number;
  fields: FieldCheck[];
  /** Everything that went against the marketer, in words. */
  problems: string[];
  transcript: string[];
}

export interface PlayOptions {
  /**
   * Bench only: click Publish when the confirmation in words is not understood, so the fields can
   * still be scored. Tests never do: the conversation fails with what the bot said.
   */
  clickWhenWordsFail?: boolean;
}

/** Replies that leak a validation library's wording instead of the marketer's. */
const SCHEMA_ERROR =
  /too (small|big): expected|is not a field|expected (number|string|boolean)|invalid input/i;
/** A conversation that has not reached the preview after this many turns is going in circles. */
const MAX_TURNS = 20;
const MAX_SAME_QUESTION = 3;

class Stuck extends Error {}

export async function playConversation(
  app: OfferBotApp,
  conversation: Conversation,
  options: PlayOptions = {},
): Promise<ConversationResult> {
  const marketer = new Marketer(app, conversation);
  try {
    await marketer.play(options);
  } catch (error) {
    if (!(error instanceof Stuck)) throw error;
    marketer.result.problems.push(error.message);
  }
  const { result } = marketer;
  result.fields =
    result.offerId === undefined
      ? unpublishedFields(conversation.intent)
      : checkFields(
          conversation.intent,
          await readPublished(app.client, result.offerId, conversation.intent.merchant),
        );
  return result;
}

/** Why the conversation did not give the marketer what they meant; empty when it did. */
export function shortfalls(result: ConversationResult): string[] {
  // Unpublished, every field is wrong and the problems already say why.
  const wrongFields = result.fields
    .filter((field) => !field.ok && result.offerId !== undefined)
    .map((field) => `${field.field}: expected ${field.expected}, published ${field.actual}`);
  return [...result.problems, ...wrongFields];
}

export function describeResult(result: ConversationResult): string {
  return [
    `"${result.name}" did not give the marketer what they meant:`,
    ...shortfalls(result).map((line) => `  - ${line}`),
    "Transcript:",
    ...result.transcript.map((line) => `  ${line}`),
  ].join("\n");
}

class Marketer {
  readonly result: ConversationResult;
  private readonly chat: Chat;
  private readonly answers: Answers;
  private readonly askedCount = new Map<AskedField, number>();

  constructor(
    app: OfferBotApp,
    private readonly conversation: Conversation,
  ) {
    this.chat = new Chat(app, conversation.user);
    this.answers = answersFor(conversation.intent, conversation.answers);
    this.result = {
      name: conversation.name,
      ...(conversation.knownGap ? { knownGap: conversation.knownGap } : {}),
      turns: 0,
      correctionTurns: [],
      publishedInWords: false,
      fields: [],
      problems: [],
      transcript: [],
    };
  }

  async play(options: PlayOptions): Promise<void> {
    const { conversation, result } = this;
    for (const turn of conversation.turns) await this.playScripted(turn);
    await this.answerUntilPreview();
    result.turnsToPreview = result.turns;
    if (result.turns > conversation.maxTurnsToPreview) {
      result.problems.push(
        `took ${result.turns} turns to reach the preview (at most ${conversation.maxTurnsToPreview})`,
      );
    }
    for (const correction of conversation.corrections ?? []) {
      const before = result.turns;
      await this.say(correction);
      await this.answerUntilPreview();
      const taken = result.turns - before;
      result.correctionTurns.push(taken);
      if (taken > 1) result.problems.push(`correction "${correction}" took ${taken} turns instead of 1`);
    }
    await this.confirm(options);
    result.turnsToPublish = result.turns;
    if (result.turns > conversation.maxTurnsToPublish) {
      result.problems.push(
        `took ${result.turns} turns to publish (at most ${conversation.maxTurnsToPublish})`,
      );
    }
  }

  private async playScripted(turn: Turn): Promise<void> {
    if (typeof turn === "string") {
      await this.say(turn);
    } else if ("click" in turn) {
      await this.click(turn.click);
    } else {
      const replies = await this.say(turn.say);
      const said = replies.map(replyText).join(" ");
      if (!turn.expect.test(said)) {
        this.result.problems.push(`after "${turn.say}" the bot should say ${turn.expect} but said: ${said}`);
      }
    }
  }

  private async answerUntilPreview(): Promise<void> {
    while (this.result.turns < MAX_TURNS) {
      const reply = this.current();
      if (reply.kind === "preview") {
        const blocking = reply.preview.issues.find((issue) => issue.severity === "error");
        if (!blocking) return;
        await this.answer(blocking.field, `the preview is blocked: ${blocking.message}`);
      } else if (reply.kind === "question") {
        await this.answer(reply.field, `the bot asked "${reply.text}"`);
      } else {
        throw new Stuck(`expected a question or the preview, the bot said: ${replyText(reply)}`);
      }
    }
    throw new Stuck(`no preview after ${MAX_TURNS} turns`);
  }

  private async answer(field: string | undefined, situation: string): Promise<void> {
    const asked = field as AskedField | undefined;
    const text = asked && this.answers[asked];
    if (!asked || !text)
      throw new Stuck(`${situation} and the marketer has no answer for it (${field ?? "unknown field"})`);
    const times = (this.askedCount.get(asked) ?? 0) + 1;
    this.askedCount.set(asked, times);
    if (times > MAX_SAME_QUESTION)
      throw new Stuck(`${situation} ${times} times; answered "${text}" each time`);
    await this.say(text);
  }

  private async confirm(options: PlayOptions): Promise<void> {
    const words = this.conversation.confirm ?? "publish it";
    const reply = (await this.say(words)).find((candidate) => candidate.kind === "published");
    if (reply?.kind === "published") {
      this.result.publishedInWords = true;
      this.result.offerId = reply.offerId;
      return;
    }
    const said = this.chat.last.map(replyText).join(" ");
    if (!options.clickWhenWordsFail) throw new Stuck(`"${words}" did not publish; the bot said: ${said}`);
    this.result.problems.push(`"${words}" did not publish (clicked Publish instead); the bot said: ${said}`);
    const clicked = (await this.click("Publish")).find((candidate) => candidate.kind === "published");
    if (clicked?.kind !== "published") throw new Stuck("clicking Publish did not publish either");
    this.result.offerId = clicked.offerId;
  }

  private current(): Reply {
    const reply = this.chat.last.find(
      (candidate) => candidate.kind === "preview" || candidate.kind === "question",
    );
    const fallback = this.chat.last[0];
    if (!reply && !fallback) throw new Stuck("the bot did not answer");
    return reply ?? (fallback as Reply);
  }

  private say(text: string): Promise<Reply[]> {
    return this.record(`> ${text}`, () => this.chat.say(text));
  }

  private click(label: string | RegExp): Promise<Reply[]> {
    return this.record(`> [click ${label}]`, () => {
      try {
        this.chat.action(label);
      } catch (error) {
        throw new Stuck(String((error as Error).message));
      }
      return this.chat.click(label);
    });
  }

  private async record(line: string, send: () => Promise<Reply[]>): Promise<Reply[]> {
    this.result.turns += 1;
    this.result.transcript.push(line);
    const replies = await send();
    for (const reply of replies) {
      const text = replyText(reply);
      this.result.transcript.push(`  ${text}`);
      const leaked = text.match(SCHEMA_ERROR);
      if (leaked) this.result.problems.push(`a reply quotes a schema error ("${leaked[0]}"): ${text}`);
    }
    return replies;
  }
}

/** One reply as a line of transcript: everything the marketer reads in it. */
export function replyText(reply: Reply): string {
  switch (reply.kind) {
    case "question":
      return [
        ...reply.notes,
        reply.text,
        reply.hint,
        reply.actions.length ? `[${reply.actions.map((a) => a.label).join(" | ")}]` : "",
      ]
        .filter(Boolean)
        .join(" ");
    case "preview": {
      const { preview } = reply;
      const issues = preview.issues.map((issue) => `${issue.severity}: ${issue.message} ${issue.fix}`);
      return [
        ...reply.notes,
        `PREVIEW "${preview.title}" ${preview.summary}`,
        ...issues,
        preview.publishError,
      ]
        .filter(Boolean)
        .join(" ");
    }
    case "published":
      return `PUBLISHED #${reply.offerId} "${reply.title}"`;
    case "notice":
      return reply.text;
    default:
      return `[${reply.kind}]`;
  }
}
