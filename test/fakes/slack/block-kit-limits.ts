/**
 * The Block Kit limits Slack enforces, as a pure function so each one can be unit-tested. Each problem reads
 * like Slack's own: a reason, then the JSON pointer of the offending field.
 */

export type Surface = "message" | "modal" | "home";

type Node = Record<string, unknown>;

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

const BLOCK_TYPES = new Set([
  "actions",
  "context",
  "divider",
  "file",
  "header",
  "image",
  "input",
  "markdown",
  "rich_text",
  "section",
  "table",
  "video",
]);

const SELECTS_WITH_OPTIONS = new Set(["static_select", "multi_static_select", "radio_buttons", "checkboxes"]);

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && !Array.isArray(value);

class Problems {
  readonly list: string[] = [];

  add(path: string, reason: string): void {
    this.list.push(`${reason} [json-pointer:${path}]`);
  }

  length(path: string, value: unknown, max: number): void {
    if (typeof value === "string" && value.length > max)
      this.add(path, `must be less than ${max + 1} characters`);
  }

  count(path: string, value: unknown, max: number): void {
    if (Array.isArray(value) && value.length > max) this.add(path, `no more than ${max} items allowed`);
  }

  /** A text object: plain_text or mrkdwn, never empty. */
  text(path: string, value: unknown, max: number, plainOnly = false): void {
    if (!isNode(value)) {
      this.add(path, "must provide an object");
      return;
    }
    if (plainOnly && value.type !== "plain_text") this.add(`${path}/type`, "must be plain_text");
    else if (value.type !== "plain_text" && value.type !== "mrkdwn")
      this.add(`${path}/type`, "must be plain_text or mrkdwn");
    if (typeof value.text !== "string" || value.text.length === 0)
      this.add(`${path}/text`, "must be more than 0 characters");
    else this.length(`${path}/text`, value.text, max);
  }

  optionalText(path: string, value: unknown, max: number, plainOnly = false): void {
    if (value !== undefined) this.text(path, value, max, plainOnly);
  }
}

function checkElement(p: Problems, path: string, element: unknown): void {
  if (!isNode(element)) {
    p.add(path, "must provide an object");
    return;
  }
  p.length(`${path}/action_id`, element.action_id, 255);
  p.optionalText(`${path}/placeholder`, element.placeholder, 150, true);
  if (isNode(element.confirm)) checkConfirm(p, `${path}/confirm`, element.confirm);
  switch (element.type) {
    case "button":
      p.text(`${path}/text`, element.text, 75, true);
      p.length(`${path}/value`, element.value, 2000);
      p.length(`${path}/url`, element.url, 3000);
      return;
    case "plain_text_input": {
      const max = typeof element.max_length === "number" ? element.max_length : 3000;
      if (max > 3000) p.add(`${path}/max_length`, "must be less than 3001");
      p.length(`${path}/initial_value`, element.initial_value, max);
      return;
    }
    case "number_input":
      if (element.initial_value !== undefined && !Number.isFinite(Number(element.initial_value)))
        p.add(`${path}/initial_value`, "must be a number");
      return;
    case "overflow":
      checkOverflow(p, path, element.options);
      return;
    case "image":
      checkImage(p, path, element);
      return;
    case "datepicker":
      if (element.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(element.initial_date)))
        p.add(`${path}/initial_date`, "must be in YYYY-MM-DD format");
      return;
  }
  if (SELECTS_WITH_OPTIONS.has(String(element.type)) && Array.isArray(element.options))
    checkOptions(p, path, element, element.options);
}

/** An overflow menu holds two to five options, each plain text with a value or a link. */
function checkOverflow(p: Problems, path: string, options: unknown): void {
  if (!Array.isArray(options)) {
    p.add(`${path}/options`, "must provide an array");
    return;
  }
  if (options.length < 2) p.add(`${path}/options`, "must provide at least 2 items");
  p.count(`${path}/options`, options, 5);
  options.forEach((option: unknown, i) => {
    const at = `${path}/options/${i}`;
    p.text(`${at}/text`, isNode(option) ? option.text : undefined, 75, true);
    if (!isNode(option)) return;
    p.length(`${at}/value`, option.value, 150);
    p.length(`${at}/url`, option.url, 3000);
  });
}

/** An image block or element: alt text, and its source as exactly one of a public URL or a Slack file. */
function checkImage(p: Problems, path: string, image: Node): void {
  if (typeof image.alt_text !== "string" || image.alt_text.length === 0)
    p.add(`${path}/alt_text`, "must be more than 0 characters");
  else p.length(`${path}/alt_text`, image.alt_text, 2000);
  const file = image.slack_file;
  if ((image.image_url === undefined) === (file === undefined))
    p.add(path, "must provide either `image_url` or `slack_file`, not both");
  p.length(`${path}/image_url`, image.image_url, 3000);
  if (file !== undefined && (!isNode(file) || (file.id === undefined) === (file.url === undefined)))
    p.add(`${path}/slack_file`, "must provide either `id` or `url`, not both");
}

function checkConfirm(p: Problems, path: string, confirm: Node): void {
  p.optionalText(`${path}/title`, confirm.title, 100, true);
  p.text(`${path}/text`, confirm.text, 300);
  p.optionalText(`${path}/confirm`, confirm.confirm, 30, true);
  p.optionalText(`${path}/deny`, confirm.deny, 30, true);
}

/** A select's options are plain text, and a pre-selected option must be one of them. */
function checkOptions(p: Problems, path: string, element: Node, options: unknown[]): void {
  if (options.length === 0) p.add(`${path}/options`, "must provide at least 1 item");
  p.count(`${path}/options`, options, 100);
  options.forEach((option: unknown, i) => {
    const at = `${path}/options/${i}`;
    p.text(
      `${at}/text`,
      isNode(option) ? option.text : undefined,
      75,
      String(element.type).endsWith("select"),
    );
    if (isNode(option)) p.length(`${at}/value`, option.value, 150);
  });
  const known = new Set(options.map((option) => JSON.stringify(option)));
  const initial = element.initial_option === undefined ? element.initial_options : [element.initial_option];
  if (!Array.isArray(initial)) return;
  initial.forEach((option: unknown, i) => {
    if (!known.has(JSON.stringify(option)))
      p.add(`${path}/initial_options/${i}`, "must match one of the options");
  });
}

function checkActions(p: Problems, path: string, elements: unknown): void {
  if (!Array.isArray(elements)) {
    p.add(`${path}/elements`, "must provide an array");
    return;
  }
  if (elements.length === 0) p.add(`${path}/elements`, "must provide at least 1 item");
  p.count(`${path}/elements`, elements, 25);
  const seen = new Set<unknown>();
  elements.forEach((element: unknown, i) => {
    const at = `${path}/elements/${i}`;
    checkElement(p, at, element);
    const actionId = isNode(element) ? element.action_id : undefined;
    if (actionId === undefined) return;
    if (seen.has(actionId))
      p.add(`${at}/action_id`, `duplicate action_id "${String(actionId)}" in this block`);
    seen.add(actionId);
  });
}

function checkBlock(p: Problems, path: string, block: Node): void {
  p.length(`${path}/block_id`, block.block_id, 255);
  switch (block.type) {
    case "section":
      if (block.text === undefined && block.fields === undefined)
        p.add(path, "must define either `text` or `fields`");
      p.optionalText(`${path}/text`, block.text, 3000);
      if (Array.isArray(block.fields)) {
        p.count(`${path}/fields`, block.fields, 10);
        block.fields.forEach((field: unknown, i) => {
          p.text(`${path}/fields/${i}`, field, 2000);
        });
      }
      if (block.accessory !== undefined) checkElement(p, `${path}/accessory`, block.accessory);
      return;
    case "header":
      p.text(`${path}/text`, block.text, 150, true);
      return;
    case "image":
      checkImage(p, path, block);
      p.optionalText(`${path}/title`, block.title, 2000, true);
      return;
    case "actions":
      checkActions(p, path, block.elements);
      return;
    case "context":
      if (!Array.isArray(block.elements) || block.elements.length === 0)
        p.add(`${path}/elements`, "must provide at least 1 item");
      p.count(`${path}/elements`, block.elements, 10);
      if (Array.isArray(block.elements))
        block.elements.forEach((element: unknown, i) => {
          // Context elements are text objects or images.
          if (isNode(element) && element.type === "image") checkImage(p, `${path}/elements/${i}`, element);
          else p.text(`${path}/elements/${i}`, element, 3000);
        });
      return;
    case "input":
      p.text(`${path}/label`, block.label, 2000, true);
      p.optionalText(`${path}/hint`, block.hint, 2000, true);
      checkElement(p, `${path}/element`, block.element);
      return;
  }
}

function checkBlocks(p: Problems, path: string, surface: Surface, blocks: unknown): void {
  if (!Array.isArray(blocks)) {
    p.add(path, "must provide an array");
    return;
  }
  p.count(path, blocks, MAX_BLOCKS[surface]);
  const blockIds = new Set<unknown>();
  blocks.forEach((block: unknown, i) => {
    const at = `${path}/${i}`;
    if (!isNode(block)) {
      p.add(at, "must provide an object");
      return;
    }
    if (!BLOCK_TYPES.has(String(block.type))) {
      p.add(`${at}/type`, `unsupported block type "${String(block.type)}"`);
      return;
    }
    if (block.block_id !== undefined) {
      if (blockIds.has(block.block_id))
        p.add(`${at}/block_id`, `duplicate block_id "${String(block.block_id)}"`);
      blockIds.add(block.block_id);
    }
    checkBlock(p, at, block);
  });
}

function checkView(p: Problems, surface: Surface, view: Node): void {
  if (view.type !== surface) p.add("/view/type", `must be ${surface}`);
  p.length("/view/private_metadata", view.private_metadata, 3000);
  p.length("/view/callback_id", view.callback_id, 255);
  p.length("/view/external_id", view.external_id, 255);
  if (surface !== "modal") return;
  p.text("/view/title", view.title, 24, true);
  p.optionalText("/view/submit", view.submit, 24, true);
  p.optionalText("/view/close", view.close, 24, true);
  const hasInput =
    Array.isArray(view.blocks) && view.blocks.some((b: unknown) => isNode(b) && b.type === "input");
  if (hasInput && view.submit === undefined)
    p.add("/view/submit", "must provide `submit` when blocks hold an input");
}

/**
 * What Slack would reject in these blocks. For a modal or a Home tab, pass the view too: its own fields are
 * checked and the pointers start at /view.
 */
export function blockKitProblems(surface: Surface, blocks: unknown, view?: unknown): string[] {
  const p = new Problems();
  if (view !== undefined) {
    if (isNode(view)) checkView(p, surface, view);
    else p.add("/view", "must provide an object");
  }
  checkBlocks(p, view === undefined ? "/blocks" : "/view/blocks", surface, blocks);
  return p.list;
}
