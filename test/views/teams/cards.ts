import { expect } from "vitest";
import type { AdaptiveCard } from "../../../src/views/teams/index.js";
import { adaptiveCardProblems } from "../../fakes/teams/adaptive-cards.js";

export const THREAD = "teams:19:abc@thread.v2;messageid=1700000000";

/** What marketers can type to restyle a card or disguise a link, if it were read as markdown. */
export const HOSTILE = "**Free** [click here](https://evil.example) _now_\n- 1. # listed";

/** Well under Teams' 100 KB message limit (counted in UTF-16, so about twice the JSON's bytes). */
const SIZE_MAX = 28_000;

export const bytesOf = (card: unknown) => Buffer.byteLength(JSON.stringify(card), "utf8");

/** A card Teams accepts: schema 1.5, its `$schema` and version, a notification line, and its size. */
export function assertValidCard(card: AdaptiveCard): AdaptiveCard {
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(card.version).toBe("1.5");
  expect(card.$schema).toBe("http://adaptivecards.io/schemas/adaptive-card.json");
  expect(card.fallbackText.length).toBeGreaterThan(0);
  expect(card.fallbackText.length).toBeLessThanOrEqual(300);
  expect(bytesOf(card)).toBeLessThanOrEqual(SIZE_MAX);
  return card;
}

type Node = Record<string, unknown>;

/** Every action on the card, wherever it sits: the card's own, action sets, columns, unfolded cards. */
export function actionsOf(card: unknown): Node[] {
  const found: Node[] = [];
  const visit = (value: unknown): void => {
    if (typeof value !== "object" || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const node = value as Node;
    if (typeof node.type === "string" && node.type.startsWith("Action.")) found.push(node);
    for (const child of Object.values(node)) visit(child);
  };
  visit(card);
  return found;
}

/** The actions a user sees as buttons, by title: the ones inside an unfolded card are left out. */
export function buttonsOf(card: AdaptiveCard): Node[] {
  const own = (nodes: unknown[]): Node[] =>
    nodes.flatMap((node) => {
      const element = node as Node;
      if (element.type === "ActionSet") return element.actions as Node[];
      if (element.type === "ColumnSet")
        return (element.columns as { items: unknown[] }[]).flatMap((column) => own(column.items));
      return [];
    });
  return [...own(card.body), ...(card.actions ?? [])] as Node[];
}

export const titlesOf = (actions: readonly object[]) => actions.map((action) => (action as Node).title);

/** Every text a user reads on the card: text blocks and facts, in order. */
export function textOf(card: unknown): string {
  const texts: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value !== "object" || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const node = value as Node;
    if (node.type === "TextBlock") texts.push(String(node.text));
    if (node.type === "FactSet")
      for (const fact of node.facts as { title: string; value: string }[])
        texts.push(`${fact.title}: ${fact.value}`);
    for (const child of Object.values(node)) visit(child);
  };
  visit(card);
  return texts.join("\n");
}

/** The invoke Teams sends when the button is clicked, with what was typed into the card's inputs. */
export function clickOf(button: unknown, inputs: Record<string, string> = {}): unknown {
  const action = button as Node;
  if (action.type === "Action.Execute") {
    return {
      action: { type: "Action.Execute", verb: action.verb, data: { ...(action.data as Node), ...inputs } },
      trigger: "manual",
    };
  }
  return { data: action.data, context: { theme: "default" } };
}
