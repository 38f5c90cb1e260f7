import { CORPUS_GROUPS } from "./corpus.js";
import { describeConversations } from "./suite.js";

describeConversations("partial offers", CORPUS_GROUPS["partial offers"]);
describeConversations("corrections at the preview", CORPUS_GROUPS["corrections at the preview"]);
describeConversations("bad values", CORPUS_GROUPS["bad values"]);
