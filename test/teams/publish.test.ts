import { describe, expect, it } from "vitest";
import { message, personalChat, taskSubmit } from "../fakes/teams/activities.js";
import type { ConnectorCall } from "../fakes/teams/connector.js";
import { SEED_MESSAGE } from "../support/seed.js";
import { actionsOf, clickActivity, newestCardWith, textOf, useTeamsHarness } from "./support.js";

const harness = useTeamsHarness();
const marketer = { aadObjectId: "dealerMarketer" };
const stranger = { aadObjectId: "stranger-without-roles" };

type Json = Record<string, unknown>;

const offersWithCode = (code: string) => harness.h.app.client.promoCodes.list({ promo_code: code });

/** The values a dialog's inputs show, by id, as Teams would send them back. */
function inputsOf(card: unknown): Json {
  const values: Json = {};
  const visit = (value: unknown): void => {
    if (typeof value !== "object" || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const node = value as Json;
    if (typeof node.type === "string" && node.type.startsWith("Input.") && typeof node.id === "string")
      values[node.id] = node.value === undefined ? "" : String(node.value);
    for (const child of Object.values(node)) visit(child);
  };
  visit(card);
  return values;
}

type Dialog = { task: { type: string; value: { card: { content: Json } } | string } };
const dialogCard = (body: unknown) =>
  ((body as Dialog).task.value as { card: { content: Json } }).card.content;

/** The seed's message in a new personal chat, until its preview card is posted. */
async function previewIn(chatId: string, text = SEED_MESSAGE) {
  const { h } = harness;
  const chat = personalChat(chatId);
  expect((await h.send(message(h.connector.url, marketer, chat, text))).status).toBe(200);
  await h.settle();
  return { chat, preview: newestCardWith(h.connector, chat.conversationId, "Publish") };
}

const postsIn = (conversationId: string) => (call: ConnectorCall) =>
  call.conversationId === conversationId && call.method !== "GET" && call.body?.type !== "typing";

describe("create, preview, edit in a dialog, publish", () => {
  it("publishes the seed's offer once, after an edit in the dialog", async () => {
    const { h } = harness;
    const { chat, preview } = await previewIn("dealerMarketer-publish");
    expect(actionsOf(preview.card).map((action) => action.title)).toEqual(
      expect.arrayContaining(["Publish", "Edit", "Cancel"]),
    );

    const edit = newestCardWith(h.connector, chat.conversationId, "Edit");
    const opened = await h.send(clickActivity(h.connector.url, marketer, chat, edit.action, edit.messageId));
    expect(opened.status).toBe(200);
    const form = dialogCard(opened.body);
    const filled = inputsOf(form);
    expect(filled.promoCode).toBe("DEALER20");
    expect(filled.usageLimitPerCustomer).toBe("3");
    const submit = actionsOf(form).find((action) => action.type === "Action.Submit") as { data: Json };

    const refused = await h.send(
      taskSubmit(h.connector.url, marketer, chat, { ...submit.data, ...filled, usageLimitPerCustomer: "-3" }),
    );
    expect((refused.body as Dialog).task.type).toBe("continue");
    const again = dialogCard(refused.body);
    expect(inputsOf(again).usageLimitPerCustomer).toBe("-3");
    expect(textOf(again)).toContain("Uses per customer must be more than 0.");

    const saved = await h.send(
      taskSubmit(h.connector.url, marketer, chat, { ...submit.data, ...filled, usageLimitPerCustomer: "5" }),
    );
    expect((saved.body as Dialog).task.type).toBe("message");
    await h.settle();
    const update = h.connector.calls.findLast(
      (call) => call.method === "PUT" && call.conversationId === chat.conversationId,
    );
    expect(update?.activityId).toBe(preview.messageId);
    expect(textOf(h.connector.cards((call) => call === update)[0]?.card)).toMatch(/5/);

    const publish = newestCardWith(h.connector, chat.conversationId, "Publish");
    const started = Date.now();
    const clicked = await h.send(
      clickActivity(h.connector.url, marketer, chat, publish.action, publish.messageId),
    );
    expect(clicked.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect((clicked.body as { value: string }).value).toMatch(/^(Done\.|On it)/);
    await h.settle();
    expect(await offersWithCode("DEALER20")).toHaveLength(1);
  });

  it("refuses a click on the old preview once published, to the clicker only", async () => {
    const { h } = harness;
    const chat = personalChat("dealerMarketer-publish");
    const { action, messageId } = newestCardWith(h.connector, chat.conversationId, "Publish");
    const before = h.connector.calls.filter(postsIn(chat.conversationId)).length;

    const clicked = await h.send(clickActivity(h.connector.url, marketer, chat, action, messageId));
    expect(clicked.status).toBe(200);
    expect(clicked.body).toMatchObject({ type: "application/vnd.microsoft.activity.message" });
    expect((clicked.body as { value: string }).value).toMatch(/already published as offer #\d+/);
    const edit = newestCardWith(h.connector, chat.conversationId, "Edit");
    const opened = await h.send(clickActivity(h.connector.url, marketer, chat, edit.action, edit.messageId));
    expect(opened.body).toMatchObject({ task: { type: "message" } });
    await h.settle();

    expect(h.connector.calls.filter(postsIn(chat.conversationId))).toHaveLength(before);
    expect(await offersWithCode("DEALER20")).toHaveLength(1);
  });

  it("publishes once when Publish is clicked 20 times at once", async () => {
    const { h } = harness;
    const { chat, preview } = await previewIn(
      "dealerMarketer-twenty",
      SEED_MESSAGE.replace("DEALER20", "DEALER21"),
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        h.send(clickActivity(h.connector.url, marketer, chat, preview.action, preview.messageId)),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    // Each clicker hears, alone, whether theirs published the offer.
    const told = answers.map((answer) => (answer.body as { value: string }).value);
    expect(told.filter((text) => /^(Done\.|On it)/.test(text))).toHaveLength(1);
    expect(told.filter((text) => /already published as offer #\d+/.test(text))).toHaveLength(19);
    await h.settle();
    expect(await offersWithCode("DEALER21")).toHaveLength(1);
  });

  it("refuses someone without a role, in the chat and on a card", async () => {
    const { h } = harness;
    const chat = personalChat("stranger");
    await h.send(message(h.connector.url, stranger, chat, SEED_MESSAGE.replace("DEALER20", "DEALER22")));
    await h.settle();
    const said = h.connector.calls.filter(postsIn(chat.conversationId));
    expect(said.length).toBeGreaterThan(0);
    expect(
      h.connector
        .cards((call) => said.includes(call))
        .some(({ card }) => actionsOf(card).some((a) => a.title === "Publish")),
    ).toBe(false);

    const { preview, chat: theirs } = await previewIn(
      "dealerMarketer-stranger",
      SEED_MESSAGE.replace("DEALER20", "DEALER23"),
    );
    const before = h.connector.calls.filter(postsIn(theirs.conversationId)).length;
    const clicked = await h.send(
      clickActivity(h.connector.url, stranger, theirs, preview.action, preview.messageId),
    );
    expect(clicked.body).toMatchObject({ type: "application/vnd.microsoft.activity.message" });
    expect((clicked.body as { value: string }).value).toMatch(/You need the publisher role/);
    await h.settle();
    expect(h.connector.calls.filter(postsIn(theirs.conversationId))).toHaveLength(before);
    expect(await offersWithCode("DEALER22")).toHaveLength(0);
    expect(await offersWithCode("DEALER23")).toHaveLength(0);
  });
});
