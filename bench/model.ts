import { getEncoding } from "js-tiktoken";
import type { OfferBotApp } from "../src/app.js";
import type { OfferBot } from "../src/core/offer-bot.js";
import type { DraftField, OfferDraft } from "../src/graph/draft.js";
import { MODEL_FIELDS, PATCH_FUNCTION } from "../src/graph/extractor/model-patch.js";
import { readWithRules } from "../src/graph/extractor/rules/index.js";
import { type RecordedRequest, startFakeOpenAI, toolCallCompletion } from "../test/fakes/openai.js";
import { Chat, NOW } from "../test/support/bot.js";
import { playCorpus } from "./conversations.js";
import { type PartResult, target } from "./results.js";
import { summarise } from "./summary.js";
import { scrapeText, startInProcessApp } from "./system.js";

/**
 * Model cost: the conversation corpus with OPENAI_API_KEY set, against the fake OpenAI-compatible
 * server. The fake answers each call with what the rules read in the message (so the marketer
 * still gets somewhere) and reports the tokens of what was actually sent and answered, counted
 * with gpt-4o-mini's tokenizer (o200k_base): the prompt's messages and its tool schema, the
 * answer's function call. OpenAI's own count adds a few tokens of framing per function.
 */

const CLICK_THROUGHS = 5;
const encoding = getEncoding("o200k_base");
const tokens = (text: string) => encoding.encode(text).length;

interface ChatMessage {
  role: string;
  content: unknown;
}

/** OpenAI's chat accounting: 3 tokens a message plus its role and content, 3 to start the reply. */
function promptTokens(body: { messages: ChatMessage[]; tools?: unknown[] }): number {
  const messages = body.messages.reduce(
    (sum, message) =>
      sum +
      3 +
      tokens(message.role) +
      tokens(typeof message.content === "string" ? message.content : JSON.stringify(message.content)),
    3,
  );
  return messages + (body.tools ? tokens(JSON.stringify(body.tools)) : 0);
}

/** The context the bot gave the model, read back from its system prompt (see `systemPrompt`). */
function contextOf(system: string) {
  const timeZone = system.match(/in the time zone (\S+);/)?.[1] ?? "UTC";
  const draft = JSON.parse(system.match(/^The draft so far: (.*)$/m)?.[1] ?? "{}") as OfferDraft;
  const expecting = system.match(/^The bot just asked for (\w+):/m)?.[1] as DraftField | undefined;
  return { now: NOW, timeZone, draft, ...(expecting ? { expecting } : {}) };
}

/** What the rules read in the message, as the model's function call, with the tokens it cost. */
function answer(request: RecordedRequest) {
  const messages = request.body.messages as ChatMessage[];
  const system = String(messages.find((message) => message.role === "system")?.content ?? "");
  const typed = String(messages.find((message) => message.role === "user")?.content ?? "");
  const reading = readWithRules(typed, contextOf(system));
  const fields = Object.fromEntries(
    Object.entries(reading.patch).filter(([field]) => (MODEL_FIELDS as string[]).includes(field)),
  );
  const args = JSON.stringify({ ...fields, ...(reading.intent ? { intent: reading.intent } : {}) });
  const prompt_tokens = promptTokens(request.body);
  const completion_tokens = tokens(PATCH_FUNCTION) + tokens(args) + 3;
  const completion = toolCallCompletion(PATCH_FUNCTION, args) as Record<string, unknown>;
  return {
    body: {
      ...completion,
      usage: { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens },
    },
  };
}

/**
 * The corpus publishes in words, so clicks are tried here: an offer typed, every question answered
 * by clicking its first suggestion, then Publish clicked. Resolves with the offers published.
 */
async function clickThrough(app: OfferBotApp): Promise<number> {
  let published = 0;
  for (let index = 0; index < CLICK_THROUGHS; index += 1) {
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(`${10 + index}% off all equipment in December, budget $40k`);
    for (let step = 0; step < 10 && !chat.last.some((reply) => reply.kind === "preview"); step += 1) {
      const first = chat.last.flatMap((reply) =>
        "actions" in reply && reply.actions ? reply.actions : [],
      )[0];
      if (!first) break;
      await chat.click(first.label);
    }
    await chat.click("Publish");
    if (chat.last.some((reply) => reply.kind === "published")) published += 1;
  }
  return published;
}

export async function run(): Promise<PartResult> {
  const openai = await startFakeOpenAI();
  const usage = { prompt: 0, completion: 0 };
  openai.answer((request) => {
    const answered = answer(request);
    usage.prompt += answered.body.usage.prompt_tokens;
    usage.completion += answered.body.usage.completion_tokens;
    return answered;
  });
  const app = await startInProcessApp({
    OPENAI_API_KEY: "sk-bench-not-real",
    OPENAI_BASE_URL: openai.baseURL,
    OPENAI_MODEL: "gpt-4o-mini",
  });
  // Model calls made during each typed message, each click and each command.
  const calls = { typed: [] as number[], clicks: [] as number[], commands: [] as number[] };
  const uncalled: string[] = [];
  const counting = <Args extends unknown[], Result>(
    method: (...args: Args) => Promise<Result>,
    into: number[],
  ) => {
    return async (...args: Args) => {
      const before = openai.requests.length;
      const result = await method.apply(app.bot, args);
      into.push(openai.requests.length - before);
      return result;
    };
  };
  const bot = Object.create(app.bot) as OfferBot;
  const message = counting(app.bot.message, calls.typed);
  bot.message = async (...args) => {
    const turn = await message(...args);
    if (calls.typed.at(-1) !== 1) uncalled.push(`${calls.typed.at(-1)}: ${args[2]}`);
    return turn;
  };
  bot.action = counting(app.bot.action, calls.clicks);
  bot.command = counting(app.bot.command, calls.commands);
  const results = await playCorpus({ ...app, bot });
  const corpus = { calls: openai.requests.length, ...usage };
  const clickedToPublish = await clickThrough({ ...app, bot });
  const appCounted = scrapeText((await app.metrics.exposition()).body);
  await app.close();
  await openai.close();

  const summary = summarise(results);
  const published = summary.published;
  const total = corpus.calls;
  const perTyped = {
    min: Math.min(...calls.typed),
    max: Math.max(...calls.typed),
    mean: calls.typed.reduce((sum, n) => sum + n, 0) / calls.typed.length,
  };
  const clickCalls = calls.clicks.reduce((sum, n) => sum + n, 0);
  const data = {
    tokenizer: "o200k_base",
    typedTurns: calls.typed.length,
    clicks: calls.clicks.length,
    commands: calls.commands.length,
    modelCalls: total,
    modelCallsPerTypedTurn: perTyped,
    modelCallsOnClicks: clickCalls,
    published,
    publishedInWords: summary.publishedInWords,
    fieldsRight: `${summary.fieldsRight}/${summary.fieldsTotal}`,
    modelCallsPerPublishedOffer: total / published,
    tokensPerPublishedOffer: { prompt: corpus.prompt / published, completion: corpus.completion / published },
    tokensPerCall: { prompt: corpus.prompt / total, completion: corpus.completion / total },
    /** The whole part, click-throughs included: what the fake answered and what the app's /metrics counted. */
    fakeCounted: { calls: openai.requests.length, ...usage },
    appCounted: {
      calls: appCounted.get('kigo_bot_model_calls_total{result="ok"}') ?? 0,
      prompt: appCounted.get('kigo_bot_model_tokens_total{kind="prompt"}') ?? 0,
      completion: appCounted.get('kigo_bot_model_tokens_total{kind="completion"}') ?? 0,
    },
  };
  console.log(JSON.stringify(data, null, 2));
  if (uncalled.length) console.log(`Typed messages without exactly one call:\n${uncalled.join("\n")}`);
  const round = (value: number) => Math.round(value);
  return {
    targets: [
      target(
        "model calls per typed message",
        `${perTyped.min}–${perTyped.max} over ${calls.typed.length} typed messages`,
        "exactly 1",
        perTyped.min === 1 && perTyped.max === 1,
        `${uncalled.length} typed messages were a suggested answer typed back word for word (${uncalled
          .map((line) => `"${line.replace(/^\d+: /, "")}"`)
          .join(
            ", ",
          )}): the graph applies a suggestion without the model, as it does for its button (src/graph/nodes/understand.ts). Cheaper by design; the target counts it as a miss.`,
      ),
      target(
        "model calls per click",
        `${clickCalls} over ${calls.clicks.length} clicks (${CLICK_THROUGHS} offers clicked through to Publish, ${clickedToPublish} published)`,
        "0",
        clickCalls === 0,
        "a click called the model",
      ),
    ],
    facts: [
      {
        measure: "model calls per published offer (53 scripted conversations)",
        result: `${data.modelCallsPerPublishedOffer.toFixed(1)} (${total} calls, ${published} published, ${summary.publishedInWords} in words)`,
      },
      {
        measure: "tokens per published offer, prompt / completion",
        result: `${round(data.tokensPerPublishedOffer.prompt)} / ${round(data.tokensPerPublishedOffer.completion)} (per call ${round(data.tokensPerCall.prompt)} / ${round(data.tokensPerCall.completion)}; o200k_base)`,
      },
    ],
    data: {
      ...data,
      withoutExactlyOneCall: uncalled,
      callsPerTypedMessage: calls.typed,
      callsPerClick: calls.clicks,
    },
  };
}
