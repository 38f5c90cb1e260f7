import { canonicalZone } from "./calendar.js";
import { agreed, type Rule } from "./scan.js";

const ZONES: Record<string, string> = {
  pacific: "America/Los_Angeles",
  mountain: "America/Denver",
  central: "America/Chicago",
  eastern: "America/New_York",
  pst: "America/Los_Angeles",
  pdt: "America/Los_Angeles",
  mst: "America/Denver",
  mdt: "America/Denver",
  cst: "America/Chicago",
  cdt: "America/Chicago",
  est: "America/New_York",
  edt: "America/New_York",
  utc: "UTC",
  gmt: "UTC",
};

/** "America/Chicago"; "Central time"; PST — abbreviations only in capitals, so "est." is not Eastern. */
const ZONE =
  /\b([A-Z][A-Za-z]+(?:\/[A-Z][A-Za-z_-]+){1,2})\b|\b(pacific|mountain|central|eastern)(?:\s+(?:standard|daylight))?\s+time\b|\b(PST|PDT|MST|MDT|CST|CDT|EST|EDT|UTC|GMT)\b/gi;

/** The offer's schedule time zone, as an IANA name. */
export const readTimeZone: Rule = (scan, patch) => {
  const zones = scan
    .take(ZONE, ([, iana, word, abbreviation]) =>
      iana
        ? canonicalZone(iana) !== undefined
        : word !== undefined || abbreviation === abbreviation?.toUpperCase(),
    )
    .map(([, iana, word, abbreviation]) =>
      iana ? canonicalZone(iana) : ZONES[(word ?? abbreviation ?? "").toLowerCase()],
    );
  const zone = agreed(zones);
  if (zone) patch.timeZone = zone;
};
