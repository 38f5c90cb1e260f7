import { expect } from "vitest";

/**
 * Slack's documented Block Kit limits, written out independently of the builders' own constants so
 * a wrong constant there cannot hide here. Returns every problem with its JSON path.
 */

export type Surface = "message" | "modal" | "home";

type Node = Record<string, unknown>;

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function slackLimitProblems(target: unknown, surface: Surface): string[] {
  const problems: string[] = [];
  const add = (path: string, problem: string) => problems.push(`${path}: ${problem}`);
  const maxLength = (path: string, value: unknown, max: number) => {
    if (typeof value === "string" && value.length > max) add(path, `${value.length} characters, over ${max}`);
  };
  const text = (path: string, value: unknown, max: number, plainOnly = false) => {
    if (!isNode(value)) return add(path, "missing text object");
    if (plainOnly ? value.type !== "plain_text" : value.type !== "plain_text" && value.type !== "mrkdwn")
      add(`${path}.type`, `unexpected ${String(value.type)}`);
    if (typeof value.text !== "string" || value.text.length === 0) add(`${path}.text`, "empty");
    maxLength(`${path}.text`, value.text, max);
  };
  const optionalText = (path: string, value: unknown, max: number, plainOnly = false) => {
    if (value !== undefined) text(path, value, max, plainOnly);
  };

  const element = (path: string, value: unknown) => {
    if (!isNode(value)) return add(path, "missing element");
    maxLength(`${path}.action_id`, value.action_id, 255);
    optionalText(`${path}.placeholder`, value.placeholder, 150, true);
    if (isNode(value.confirm)) {
      optionalText(`${path}.confirm.title`, value.confirm.title, 100, true);
      text(`${path}.confirm.text`, value.confirm.text, 300);
      optionalText(`${path}.confirm.confirm`, value.confirm.confirm, 30, true);
      optionalText(`${path}.confirm.deny`, value.confirm.deny, 30, true);
    }
    switch (value.type) {
      case "button":
        text(`${path}.text`, value.text, 75, true);
        maxLength(`${path}.value`, value.value, 2000);
        maxLength(`${path}.url`, value.url, 3000);
        return;
      case "static_select":
      case "multi_static_select": {
        const options = list(value.options);
        if (options.length === 0 || options.length > 100) add(`${path}.options`, `${options.length} options`);
        options.forEach((option, i) => {
          text(`${path}.options[${i}].text`, isNode(option) ? option.text : undefined, 75, true);
          maxLength(`${path}.options[${i}].value`, isNode(option) ? option.value : undefined, 150);
        });
        const known = new Set(options.map((option) => JSON.stringify(option)));
        const initial =
          value.initial_option === undefined ? list(value.initial_options) : [value.initial_option];
        initial.forEach((option, i) => {
          if (!known.has(JSON.stringify(option))) add(`${path}.initial[${i}]`, "not one of the options");
        });
        return;
      }
      case "plain_text_input": {
        const max = typeof value.max_length === "number" ? value.max_length : 3000;
        if (max > 3000) add(`${path}.max_length`, `${max}, over 3000`);
        maxLength(`${path}.initial_value`, value.initial_value, max);
        return;
      }
      case "number_input":
        if (value.initial_value !== undefined && !Number.isFinite(Number(value.initial_value)))
          add(`${path}.initial_value`, "not a number");
        return;
      case "datepicker":
        if (value.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(value.initial_date)))
          add(`${path}.initial_date`, "not YYYY-MM-DD");
        return;
    }
  };

  const block = (path: string, value: Node) => {
    maxLength(`${path}.block_id`, value.block_id, 255);
    switch (value.type) {
      case "section": {
        if (value.text === undefined && value.fields === undefined) add(path, "neither text nor fields");
        optionalText(`${path}.text`, value.text, 3000);
        const fields = list(value.fields);
        if (fields.length > 10) add(`${path}.fields`, `${fields.length} fields, over 10`);
        for (const [i, field] of fields.entries()) text(`${path}.fields[${i}]`, field, 2000);
        if (value.accessory !== undefined) element(`${path}.accessory`, value.accessory);
        return;
      }
      case "header":
        return text(`${path}.text`, value.text, 150, true);
      case "actions": {
        const elements = list(value.elements);
        if (elements.length === 0 || elements.length > 25)
          add(`${path}.elements`, `${elements.length} elements`);
        const ids = new Set<unknown>();
        elements.forEach((item, i) => {
          element(`${path}.elements[${i}]`, item);
          const id = isNode(item) ? item.action_id : undefined;
          if (id !== undefined && ids.has(id))
            add(`${path}.elements[${i}].action_id`, `duplicate ${String(id)}`);
          ids.add(id);
        });
        return;
      }
      case "context": {
        const elements = list(value.elements);
        if (elements.length === 0 || elements.length > 10)
          add(`${path}.elements`, `${elements.length} elements`);
        for (const [i, item] of elements.entries()) text(`${path}.elements[${i}]`, item, 3000);
        return;
      }
      case "input":
        text(`${path}.label`, value.label, 2000, true);
        optionalText(`${path}.hint`, value.hint, 2000, true);
        return element(`${path}.element`, value.element);
      case "divider":
        return;
      default:
        add(`${path}.type`, `unexpected block type ${String(value.type)}`);
    }
  };

  const blocks = Array.isArray(target) ? target : isNode(target) ? target.blocks : undefined;
  if (!Array.isArray(target)) {
    if (!isNode(target)) return ["not blocks or a view"];
    if (target.type !== surface) add("view.type", `expected ${surface}`);
    maxLength("view.private_metadata", target.private_metadata, 3000);
    maxLength("view.callback_id", target.callback_id, 255);
    if (surface === "modal") {
      text("view.title", target.title, 24, true);
      optionalText("view.submit", target.submit, 24, true);
      optionalText("view.close", target.close, 24, true);
      if (list(blocks).some((b) => isNode(b) && b.type === "input") && target.submit === undefined)
        add("view.submit", "required with inputs");
    }
  }
  if (!Array.isArray(blocks)) return [...problems, "blocks: missing"];
  if (blocks.length === 0 || blocks.length > MAX_BLOCKS[surface])
    add("blocks", `${blocks.length} blocks, limit ${MAX_BLOCKS[surface]}`);
  const blockIds = new Set<unknown>();
  for (const [i, value] of blocks.entries()) {
    if (!isNode(value)) {
      add(`blocks[${i}]`, "not an object");
      continue;
    }
    if (value.block_id !== undefined) {
      if (blockIds.has(value.block_id)) add(`blocks[${i}].block_id`, `duplicate ${String(value.block_id)}`);
      blockIds.add(value.block_id);
    }
    block(`blocks[${i}]`, value);
  }
  return problems;
}

/** Blocks of a message, or a whole modal / Home view (its own fields checked too). */
export function assertWithinSlackLimits(target: unknown, surface: Surface): void {
  expect(slackLimitProblems(target, surface)).toEqual([]);
}
