import Fuse from "fuse.js";
import { z } from "zod";

/**
 * What a message asks the bot to do besides changing the draft. Decisions (publish, submit,
 * cancel) are taken only from the user's own words: the model may propose an intent, but these
 * three count only when `readIntent` finds them in the text too.
 */
export const OFFERS_VERBS = [
  "list",
  "drafts",
  "show",
  "pause",
  "resume",
  "end",
  "analytics",
  "duplicate",
] as const;

const EXPLAIN_TOPICS = [
  "publish_or_submit",
  "redemption_methods",
  "programs",
  "offer_types",
  "reward_delivery",
] as const;

export const intentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("publish"), anyway: z.boolean().optional() }),
  z.object({ kind: z.literal("submit") }),
  z.object({ kind: z.literal("cancel") }),
  z.object({ kind: z.literal("agree") }),
  z.object({ kind: z.literal("create") }),
  z.object({ kind: z.literal("help") }),
  z.object({ kind: z.literal("edit") }),
  z.object({
    kind: z.literal("explain"),
    topic: z.enum(EXPLAIN_TOPICS),
  }),
  z.object({ kind: z.literal("recommend"), objective: z.string().trim().min(1).max(300).optional() }),
  z.object({ kind: z.literal("list_merchants") }),
  z.object({ kind: z.literal("list_locations") }),
  z.object({ kind: z.literal("cost") }),
  /** "whatever fits the budget": the total usage limit the budget allows, worked out. */
  z.object({ kind: z.literal("fit_budget") }),
  z.object({
    kind: z.literal("offers"),
    verb: z.enum(OFFERS_VERBS),
    offerId: z.number().int().positive().optional(),
  }),
  z.object({ kind: z.literal("greeting") }),
  z.object({ kind: z.literal("thanks") }),
  z.object({ kind: z.literal("off_topic") }),
  /** A lone word close to a decision ("pubish"): asked about, never acted on. */
  z.object({ kind: z.literal("did_you_mean"), word: z.enum(["publish", "cancel", "submit"]) }),
]);
export type Intent = z.infer<typeof intentSchema>;

/** Intents only the user's own words may carry: they act on the draft. */
export const DECISION_INTENTS: ReadonlySet<Intent["kind"]> = new Set(["publish", "submit", "cancel"]);

const whole = (source: string) => new RegExp(`^(?:${source})$`, "i");

/** Polite or casual words around a command: "ok, publish it please!" is "publish it". */
const LEAD = String.raw`(?:(?:👍|✅|🚀|🙌|👌|k|kk|actually|nvm|never\s*mind|hmm+|um+|oh|wait|no|nah|ugh|honestly|good|nice|fine|ok(?:ay)?|alright|great|perfect|cool|yes|yep|yeah|sure|all\s+good|looks\s+(?:good|great)|lgtm|that'?s\s+(?:good|great|it|fine)|please|pls|now|then|so|and|just|go\s+ahead\s+and|let'?s|lets)[\s,.!:;-]*)*`;
const TAIL = String.raw`(?:[\s,.!:;-]*(?:please|pls|now|then|thanks|thank\s+you|thx|asap|already|today|for\s+me|!+|:\)|🚀|👍|✅))*[\s.!]*`;
const command = (verbs: string) => whole(String.raw`\s*${LEAD}(?:${verbs})${TAIL}`);

const PUBLISH_ANYWAY = command(
  String.raw`(?:publish|ship|launch|post|send)(?:\s+(?:it|this|that|the\s+offer))?\s+(?:anyway|anyhow|regardless|even\s+(?:if|though)\s+(?:it'?s\s+)?over(?:\s+(?:the\s+)?budget)?)|override(?:\s+(?:the\s+)?(?:budget|warning))?(?:\s+and\s+publish)?`,
);
const PUBLISH = command(
  String.raw`publish(?:\s+(?:it|this|that|the\s+offer|this\s+one))?|ship\s+it|go\s+live|make\s+it\s+live|push\s+it\s+live|launch(?:\s+(?:it|this))?|send\s+it(?:\s+live)?|post\s+it|(?:looks?\s+(?:good|right|great|fine),?\s+)?go(?:\s+ahead(?:\s+and\s+publish)?)?|do\s+it|let'?s\s+go|good\s+to\s+go|confirm(?:ed)?|approved?\s+and\s+publish`,
);
const SUBMIT = command(
  String.raw`submit(?:\s+(?:it|this))?(?:\s+for\s+(?:approval|review))?|send\s+(?:it\s+)?(?:for|to)\s+(?:approval|review|my\s+(?:boss|manager))|(?:get|have)\s+(?:it|this)\s+approved|needs?\s+approval|request\s+approval`,
);
const CANCEL = command(
  String.raw`cancel(?:\s+(?:it|this|that|the\s+(?:offer|draft)|this\s+(?:one|offer|draft)))?|scrap\s+(?:it|this|that)(?:\s+one)?|scratch\s+(?:that|this)|never\s*mind|nvm|forget\s+(?:it|this|about\s+it)|discard(?:\s+(?:it|this|the\s+draft))?|(?:delete|drop|kill|trash|bin)\s+(?:it|this|the\s+draft|this\s+(?:one|draft|offer))|abort|stop|quit\s+this|don'?t\s+publish(?:\s+it)?`,
);
const AGREE = command(
  String.raw`yes|yep|yeah|sure|ok(?:ay)?|looks\s+(?:good|great|fine)|lgtm|perfect|great|all\s+good|👍`,
);
const OFFER_NOUN = String.raw`(?:offer|promo(?:tion)?|deal|coupon|campaign|discount|sale)s?\b`;

/** Leads into an offer ("create an offer for Sunrise Coffee: …"), so only its start is read. */
const CREATE = new RegExp(
  String.raw`^\s*(?:(?:hey|hi|hello|yo)[\s,!]+)?${LEAD}(?:(?:i(?:\s+(?:want|need|would\s+like)|'?d\s+like)\s+to\s+|can\s+(?:you|u|we|i)\s+|could\s+(?:you|u)\s+|help\s+me\s+|let'?s\s+|lets\s+|pls\s+|please\s+)?(?:create|make|build|set\s+up|setup|start|draft|add|run|do|launch)\s+(?:a\s+|an\s+|another\s+|one\s+more\s+|some\s+)?(?:new\s+)?(?:[\p{L}'-]+\s+){0,2}?${OFFER_NOUN}|(?:(?:i|we)\s+)?(?:(?:want|need|would\s+like)|(?:i|we)'?d\s+like)\s+(?:a|an|another|some)\s+(?:[\p{L}'-]+\s+){0,3}${OFFER_NOUN}|new\s+${OFFER_NOUN}|start\s+(?:over|again|fresh))`,
  "iu",
);

const HELP = whole(
  String.raw`\s*(?:help|\?+|h[ae]lp\s+me|what\s+(?:can|do)\s+you\s+do\??|what\s+are\s+you\??|who\s+are\s+you\??|how\s+does\s+(?:this|it)\s+work\??|what\s+(?:can|should)\s+i\s+(?:say|type|do)\??|commands\??|how\s+do\s+i\s+(?:use\s+(?:this|you)|start)\??|i'?m\s+(?:lost|confused))[\s.!?]*`,
);
const EDIT = command(
  String.raw`edit(?:\s+(?:it|this|the\s+(?:offer|draft)))?|(?:i\s+want\s+to\s+|let\s+me\s+)?change\s+(?:something|it|some\s+things?)`,
);
/** "what's the difference between publish and submit?": the bot's own words, explained. */
const EXPLAIN: [RegExp, (typeof EXPLAIN_TOPICS)[number]][] = [
  [
    /\b(?:difference|diff|vs\.?|versus|what(?:'?s|\s+is|\s+does))\b.*\bsubmit\b|\bwhat\s+(?:does|is)\s+submit(?:ting)?\s+for\s+approval/i,
    "publish_or_submit",
  ],
  [
    /\b(?:difference|diff|vs\.?|versus)\b.*\b(?:show\s*(?:and|&|n)\s*save|barcode|promo\s+code|online\s+link)|\bwhat\s+(?:is|does)\s+(?:a\s+)?(?:show\s*(?:and|&|n)\s*save|barcode\s+scan)/i,
    "redemption_methods",
  ],
  [/\b(?:what(?:'?s|\s+is|\s+does)|difference|diff)\b.*\b(?:closed|open)[\s-]loop\b/i, "programs"],
  [
    /\b(?:what|which)\s+(?:other\s+)?(?:offer\s+)?(?:types|kinds)\b|\b(?:what|which)\s+(?:types?|kinds?)\s+of\s+(?:offers?|deals?|promos?)\b|\bwhat\s+offers?\s+can\s+i\s+(?:make|create|do)\b/i,
    "offer_types",
  ],
  [
    /\bhow\s+do(?:es)?\s+(?:they|customers?|the\s+customer|people|guests?)\s+(?:actually\s+)?(?:get|receive|claim)\b|\bis\s+it\s+a\s+credit\b|\bhow\s+(?:is|are)\s+(?:the\s+)?(?:reward|cash\s*back|credits?|points)\s+(?:given|paid|applied|delivered|credited)\b/i,
    "reward_delivery",
  ],
];

const FIT_BUDGET =
  /\bwhatever\s+(?:the\s+|our\s+)?(?:budget|\$?\d[\d,.]*k?|that)\s+(?:covers|allows|gets\s+us|buys)\b|\bhow\s+many\s+(?:can\s+(?:we|i)\s+afford|(?:does|will|would)\s+(?:that|it|the\s+budget|\$?\d[\d,.]*k?)\s+(?:cover|buy|get\s+us))\b|\bwhatever\s+(?:fits|keeps\s+(?:it|us)\s+(?:under|within|in))\s+(?:the\s+|our\s+|my\s+)?(?:budget|\$?\d[\d,.]*k?)\b|\bas\s+many\s+as\s+(?:the\s+|our\s+)?budget\s+(?:allows|covers|lets)|\b(?:fit|keep)\s+(?:it\s+)?(?:within|under|to|in)\s+(?:the\s+|our\s+)?budget\b|\bwhat(?:ever)?\s+(?:the\s+)?budget\s+(?:allows|covers)\b/i;
const RECOMMEND =
  /\b(?:what\s+(?:do|would)\s+you\s+(?:recommend|suggest)|recommend(?:ation)?s?\b|suggest(?:ion)?s?\b|what\s+(?:discount|offer|deal|value|amount|percentage|kind\s+of\s+offer|type\s+of\s+offer)\s+(?:should|would|could|works?|is\s+best)|what\s+(?:works|is)\s+best|what'?s\s+(?:a\s+)?good\s+(?:discount|offer|value|deal)|any\s+ideas|what\s+should\s+(?:i|we)\s+(?:offer|do|give))/i;
const RECOMMEND_GOAL =
  /\b(?:to|for)\s+((?:win|bring|get)\s+back\b[^?.!]*|(?:increase|grow|boost|drive|attract|acquire|retain|reward|clear|re-?engage)\b[^?.!]*)/i;
const LIST_MERCHANTS =
  /\b(?:which|what|list|show(?:\s+me)?|see)\s+(?:(?:are\s+)?(?:the|my|our|all(?:\s+the)?)\s+)?(?:merchants?|dealers?|dealerships?|stores?|shops?|properties|brands?|businesses|locations?)\b|\bwho\s+can\s+i\s+(?:make|create|run)\b/i;
const COST =
  /\b(?:gonna|going\s+to)\s+cost\b|\bcost\s+(?:me|us)\b(?=.*\?|(?<=\b(?:what|how\s+much|would|will)\b.*))|\b(?:what|how\s+much)\s+(?:will|would|does|could|might)\s+(?:this|it|that|the\s+offer)\s+cost\b|\bwhat(?:'?s|\s+is|\s+would\s+be)\s+the\s+(?:cost|liability|budget\s+impact|exposure)\b|\bhow\s+much\s+(?:will|would|does)\s+(?:this|it)\s+(?:cost|run)\b|\bhow\s+much\s+(?:could|can)\s+(?:we|i)\s+(?:lose|spend)\b/i;
const GREETING = whole(
  String.raw`\s*(?:hi|hello|hey|hiya|yo|howdy|sup|good\s+(?:morning|afternoon|evening)|hi\s+there|hello\s+there|hey\s+there)(?:\s+(?:bot|kigo|there|team|all))?[\s.!,👋]*`,
);
const THANKS = whole(
  String.raw`\s*(?:thanks?(?:\s+you)?|thx|ty|cheers|cool|nice|great|awesome|got\s+it|ok(?:ay)?|k)(?:\s+(?:so\s+much|a\s+lot|again))?[\s.!🙏👍🎉]*`,
);

const OFFER_REF = String.raw`(?:offer\s+)?(?:#|no\.?\s*|number\s+)?(\d{1,9})`;
const OFFERS_WORDS: [RegExp, (match: RegExpExecArray) => Intent][] = [
  [
    whole(
      String.raw`\s*(?:(?:show|list|see|view|display|what\s+are|give\s+me|pull\s+up)\s+(?:me\s+)?(?:all\s+)?(?:of\s+)?(?:my|our|the|all)?\s*(?:(?:live|active|current|running|published)\s+)?(?:offers|promos|promotions|deals)|my\s+offers|how\s+are\s+my\s+offers(?:\s+doing)?|what\s+offers\s+(?:do\s+(?:i|we)\s+have|are\s+(?:live|running|active))|offers)[\s?.!]*`,
    ),
    () => ({ kind: "offers", verb: "list" }),
  ],
  [
    whole(
      String.raw`\s*(?:(?:show|list|see|view)\s+(?:me\s+)?(?:my|our|the)?\s*(?:open\s+|saved\s+)?drafts|my\s+drafts|drafts|what\s+drafts\s+do\s+i\s+have|(?:where\s+(?:are|is)|find)\s+my\s+drafts?)[\s?.!]*`,
    ),
    () => ({ kind: "offers", verb: "drafts" }),
  ],
  [
    whole(
      String.raw`\s*(?:how\s+(?:is|'?s)\s+${OFFER_REF}\s+(?:doing|performing)|(?:show\s+(?:me\s+)?)?(?:analytics|stats|performance|numbers|results)\s+(?:for|of|on)\s+${OFFER_REF})[\s?.!]*`,
    ),
    (match) => ({ kind: "offers", verb: "analytics", offerId: Number(match[1] ?? match[2]) }),
  ],
  [
    whole(
      String.raw`\s*(?:show|open|view|see|display|details\s+(?:of|for))\s+(?:me\s+)?${OFFER_REF}(?:\s+(?:details|info|again))?[\s?.!]*`,
    ),
    (match) => ({ kind: "offers", verb: "show", offerId: Number(match[1]) }),
  ],
  [
    whole(String.raw`\s*(pause|resume|unpause|restart|end|stop|expire|cancel|kill)\s+${OFFER_REF}[\s.!]*`),
    (match) => {
      const word = (match[1] ?? "").toLowerCase();
      const verb =
        word === "pause"
          ? "pause"
          : ["end", "stop", "expire", "cancel", "kill"].includes(word)
            ? "end"
            : "resume";
      return { kind: "offers", verb, offerId: Number(match[2]) };
    },
  ],
  [
    /^\s*(?:(?:duplicate|copy|clone|reuse)\s+(?:offer\s+)?#?(\d{1,9})|(?:same\s+as|like|based\s+on|copy\s+of)\s+(?:offer\s+)?#(\d{1,9}))\b/i,
    (match) => ({ kind: "offers", verb: "duplicate", offerId: Number(match[1] ?? match[2]) }),
  ],
];

/** Off-topic: a question about something else entirely, so it gets a one-line redirect. */
const OFF_TOPIC =
  /\b(?:weather|joke|news|sports?|score|movie|recipe|stock\s+price|bitcoin|who\s+won|capital\s+of|meaning\s+of\s+life|tell\s+me\s+about\s+yourself)\b/i;

/**
 * The intent the words themselves state, read whole-message for decisions (so "cancel the
 * code requirement" or "publish on Dec 1" are not decisions) and by phrase for questions.
 */
export function readIntent(message: string): Intent | undefined {
  const text = message.trim();
  if (PUBLISH_ANYWAY.test(text)) return { kind: "publish", anyway: true };
  if (PUBLISH.test(text)) return { kind: "publish" };
  if (SUBMIT.test(text)) return { kind: "submit" };
  if (CANCEL.test(text)) return { kind: "cancel" };
  for (const [pattern, read] of OFFERS_WORDS) {
    const match = pattern.exec(text);
    if (match) return read(match);
  }
  if (HELP.test(text)) return { kind: "help" };
  if (EDIT.test(text)) return { kind: "edit" };
  const topic = EXPLAIN.find(([pattern]) => pattern.test(text))?.[1];
  if (topic) return { kind: "explain", topic };
  if (GREETING.test(text)) return { kind: "greeting" };
  if (AGREE.test(text)) return { kind: "agree" };
  if (THANKS.test(text)) return { kind: "thanks" };
  if (CREATE.test(text)) return { kind: "create" };
  if (FIT_BUDGET.test(text)) return { kind: "fit_budget" };
  if (COST.test(text)) return { kind: "cost" };
  if (LIST_MERCHANTS.test(text) && /\?|^\s*(?:which|what|list|show|see|who)\b/i.test(text))
    return /\b(?:locations?|stores?|branches|sites?)\b/i.test(text)
      ? { kind: "list_locations" }
      : { kind: "list_merchants" };
  if (RECOMMEND.test(text)) {
    const goal = RECOMMEND_GOAL.exec(text)?.[1]?.trim();
    return goal ? { kind: "recommend", objective: goal } : { kind: "recommend" };
  }
  if (OFF_TOPIC.test(text)) return { kind: "off_topic" };
  return undefined;
}

const DECISION_WORDS = new Fuse(["publish", "cancel", "submit"] as const, {
  includeScore: true,
  threshold: 0.4,
});

/**
 * "pubish", "cancle": a typo of a decision is asked about, never acted on. Only where nothing is
 * being asked: "Summit" answering "which merchant?" is a name, not "submit".
 */
export function nearDecision(text: string): Intent | undefined {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, "");
  if (!/^[a-z]{4,9}$/.test(word)) return undefined;
  const [best] = DECISION_WORDS.search(word);
  return best ? { kind: "did_you_mean", word: best.item } : undefined;
}
