import { CORPUS_GROUPS } from "./corpus.js";
import { describeConversations } from "./suite.js";

describeConversations("offer types", CORPUS_GROUPS["offer types"]);
describeConversations("questions first", CORPUS_GROUPS["questions first"]);
