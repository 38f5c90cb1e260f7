import type { Rule } from "./context.js";

/** Customers follow this link from inside the partner's app: plain http is blocked or warned about. */
export const onlineLinkRule: Rule = (draft) => {
  const link = draft.clickthruUrl?.trim();
  if (link === undefined || link === "") return [];
  const url = URL.canParse(link) ? new URL(link) : undefined;
  if (url?.protocol === "https:" && url.hostname.includes(".")) return [];
  const suggestion =
    url?.protocol === "http:"
      ? `Use ${link.replace(/^http:/i, "https:")} instead.`
      : "Use a full https:// address, e.g. https://www.deere.com/offers.";
  return [
    {
      field: "clickthruUrl",
      severity: "error",
      rule: "clickthru_url",
      message: `The online redemption link "${link}" is not a secure web address (it must start with https:// and name a site).`,
      fix: suggestion,
    },
  ];
};
