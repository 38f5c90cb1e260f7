/**
 * The part of Adaptive Cards 1.5 these views use, typed so a builder cannot write what Teams
 * would refuse. Text is markdown: builders pass it through `escape.ts` first.
 */

export const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

type Spacing = "none" | "small" | "medium" | "large";
type ActionStyle = "positive" | "destructive";

interface Placed {
  spacing?: Spacing;
  separator?: boolean;
}

export interface TextBlock extends Placed {
  type: "TextBlock";
  text: string;
  wrap: true;
  size?: "small" | "medium" | "large";
  weight?: "bolder";
  isSubtle?: true;
  color?: "good" | "warning" | "attention";
  fontType?: "monospace";
}

export interface FactSet extends Placed {
  type: "FactSet";
  facts: { title: string; value: string }[];
}

export interface Image extends Placed {
  type: "Image";
  url: string;
  altText: string;
  size: "stretch";
}

export interface ColumnSet extends Placed {
  type: "ColumnSet";
  columns: { type: "Column"; width: "auto" | "stretch"; items: CardElement[] }[];
}

export interface ActionSet extends Placed {
  type: "ActionSet";
  actions: CardAction[];
}

interface InputBase extends Placed {
  id: string;
  label: string;
}

export type CardInput =
  | (InputBase & {
      type: "Input.Text";
      isMultiline?: true;
      maxLength?: number;
      placeholder?: string;
      value?: string;
      isRequired?: true;
      errorMessage?: string;
    })
  | (InputBase & { type: "Input.Number"; min: number; value?: number })
  | (InputBase & { type: "Input.Date"; value?: string })
  | (InputBase & {
      type: "Input.ChoiceSet";
      style: "compact";
      isMultiSelect?: true;
      choices: { title: string; value: string }[];
      value?: string;
    });

export type CardElement = TextBlock | FactSet | Image | ColumnSet | ActionSet | CardInput;

interface ActionBase {
  title: string;
  style?: ActionStyle;
  /** Teams puts secondary actions behind a "…" menu. */
  mode?: "secondary";
}

/** What a click sends back; `verb` is the action's id (see `actions.ts`). */
export interface ClickData {
  threadKey: string;
  value: string;
}

export type CardAction =
  | (ActionBase & { type: "Action.Execute"; verb: string; data: ClickData })
  | (ActionBase & { type: "Action.Submit"; data: Record<string, unknown> })
  | (ActionBase & { type: "Action.ShowCard"; card: ShownCard });

/** A card inside an `Action.ShowCard`: no version or schema of its own. */
export interface ShownCard {
  type: "AdaptiveCard";
  body: CardElement[];
  actions?: CardAction[];
}

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: typeof CARD_SCHEMA;
  version: "1.5";
  /** One short line (markdown, like all card text): shown where the card cannot be, and in notifications. */
  fallbackText: string;
  body: CardElement[];
  actions?: CardAction[];
}
