import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { createExtractor } from "../../../src/graph/extractor/index.js";
import { LlmExtractor } from "../../../src/graph/extractor/llm.js";
import { PATCH_FUNCTION } from "../../../src/graph/extractor/model-patch.js";
import { extractWithRules, RuleExtractor } from "../../../src/graph/extractor/rules/index.js";
import { type FakeOpenAI, startFakeOpenAI, textCompletion, toolCallCompletion } from "../../fakes/openai.js";
import { context } from "./support.js";

const MESSAGE = "20% off for dealers in December, code DEALER20, budget $50k";

let fake: FakeOpenAI;
let logs: string[];

function extractor(timeoutMs = 2_000) {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  return new LlmExtractor({
    apiKey: "sk-test-not-a-real-key",
    baseURL: fake.baseURL,
    model: "test-model",
    timeoutMs,
    fallback: new RuleExtractor(),
    logger: pino({ level: "warn" }, stream),
  });
}

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  logs = [];
});

describe("LLM extractor against an OpenAI-compatible server", () => {
  it("makes exactly one call with the patch schema forced as a function, and records usage", async () => {
    fake.answer({
      body: toolCallCompletion(PATCH_FUNCTION, {
        offerType: "percentage_savings",
        offerValue: 20,
        programType: "closed_loop",
        promoCode: "dealer20",
        startDate: "2026-12-01",
      }),
    });
    const result = await extractor().extract(MESSAGE, context({ expecting: "offerType" }));

    expect(result).toEqual({
      source: "llm",
      patch: {
        offerType: "percentage_savings",
        offerValue: 20,
        programType: "closed_loop",
        promoCode: "DEALER20",
        startDate: "2026-12-01",
      },
      usage: { inputTokens: 321, outputTokens: 42 },
    });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.headers.authorization).toBe("Bearer sk-test-not-a-real-key");
    const body = request?.body;
    expect(body.model).toBe("test-model");
    expect(body.tool_choice).toEqual({ type: "function", function: { name: PATCH_FUNCTION } });
    expect(body.tools).toHaveLength(1);
    const schema = body.tools[0].function.parameters;
    expect(body.tools[0].function.name).toBe(PATCH_FUNCTION);
    expect(schema.type).toBe("object");
    expect(schema.required ?? []).toEqual([]);
    expect(schema.properties.offerType.enum).toContain("spend_and_get");
    expect(schema.properties.startDate.pattern).toBe("^\\d{4}-\\d{2}-\\d{2}$");
    expect(schema.properties.merchantId).toBeUndefined();
    expect(schema.properties.customerList).toBeUndefined();
    const [system, user] = body.messages;
    expect(system.role).toBe("system");
    expect(system.content).toContain("Wednesday 2026-11-25 in the time zone America/Chicago");
    expect(system.content).toContain("The bot just asked for offerType");
    expect(user).toEqual({ role: "user", content: MESSAGE });
  });

  it("drops invalid fields from the model and keeps the valid ones", async () => {
    fake.answer({
      body: toolCallCompletion(PATCH_FUNCTION, {
        offerType: "percentage_savings",
        offerValue: -5,
        startDate: "December",
        totalBudget: 50000,
        channels: ["hub_airdrop", "billboards"],
        publish: true,
        programType: null,
      }),
    });
    const result = await extractor().extract(MESSAGE, context());
    expect(result.source).toBe("llm");
    expect(result.patch).toEqual({ offerType: "percentage_savings", totalBudget: 50000 });
    expect(fake.requests).toHaveLength(1);
    expect(logs.join("")).toContain("offerValue");
  });

  const fallbacks: [string, Parameters<FakeOpenAI["answer"]>[0], boolean][] = [
    ["a 500 answer", { status: 500, body: { error: { message: "boom" } } }, false],
    ["malformed function arguments", { body: toolCallCompletion(PATCH_FUNCTION, "{not json") }, true],
    ["text instead of a function call", { body: textCompletion("Sure! 20% off.") }, true],
    ["a body that is not JSON", { body: "<html>bad gateway</html>" }, false],
  ];

  it.each(fallbacks)("falls back to the rules on %s", async (_name, answer, charged) => {
    fake.answer(answer);
    const result = await extractor().extract(MESSAGE, context());
    expect(result.source).toBe("rules");
    expect(result.patch).toEqual(extractWithRules(MESSAGE, context()));
    expect(result.usage).toEqual(charged ? { inputTokens: 321, outputTokens: 42 } : undefined);
    expect(fake.requests).toHaveLength(1);
    expect(logs.some((line) => JSON.parse(line).level === 40)).toBe(true);
    expect(logs.join("")).not.toContain("sk-test-not-a-real-key");
  });

  it("falls back to the rules when the model does not answer in time", async () => {
    fake.answer({ body: toolCallCompletion(PATCH_FUNCTION, { offerValue: 99 }), delayMs: 3_000 });
    const started = Date.now();
    const result = await extractor(200).extract(MESSAGE, context());
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toEqual({ source: "rules", patch: extractWithRules(MESSAGE, context()) });
    expect(fake.requests).toHaveLength(1);
  });
});

describe("createExtractor", () => {
  it("uses the rules without an API key", async () => {
    expect(await createExtractor(loadConfig({}))).toBeInstanceOf(RuleExtractor);
  });

  it("uses the model when a key is set", async () => {
    fake.answer({ body: toolCallCompletion(PATCH_FUNCTION, { totalBudget: 1000 }) });
    const config = loadConfig({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: fake.baseURL });
    const chosen = await createExtractor(config);
    expect(chosen).toBeInstanceOf(LlmExtractor);
    await expect(chosen.extract("budget 1k", context())).resolves.toMatchObject({ source: "llm" });
    expect(fake.requests[0]?.body.model).toBe("gpt-4o-mini");
  });

  it("names the variable for a bad model setting", () => {
    expect(() => loadConfig({ OPENAI_BASE_URL: "ftp://x" })).toThrow(
      "OPENAI_BASE_URL must be an http(s) URL, e.g. https://api.openai.com/v1",
    );
    expect(() => loadConfig({ OPENAI_TIMEOUT_MS: "soon" })).toThrow(
      "OPENAI_TIMEOUT_MS must be a whole number",
    );
  });
});
