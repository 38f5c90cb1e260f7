import { CardFactory } from "@microsoft/agents-hosting";
import type { AdaptiveCard } from "../../../views/teams/index.js";
import { FORM_TITLES, type FormKind } from "../../../views/teams/index.js";

/** The body of a `task/fetch` or `task/submit` answer: a dialog to show, or a line that closes it. */
export type DialogAnswer =
  | {
      task: {
        type: "continue";
        value: {
          title: string;
          width: "large";
          height: "large";
          card: ReturnType<typeof CardFactory.adaptiveCard>;
        };
      };
    }
  | { task: { type: "message"; value: string } };

export function dialogWith(form: FormKind, card: AdaptiveCard): DialogAnswer {
  return {
    task: {
      type: "continue",
      value: {
        title: FORM_TITLES[form],
        width: "large",
        height: "large",
        card: CardFactory.adaptiveCard(card),
      },
    },
  };
}

export const closingWith = (text: string): DialogAnswer => ({ task: { type: "message", value: text } });
