import { CORPUS_GROUPS } from "./corpus.js";
import { describeConversations } from "./suite.js";

describeConversations("dates", CORPUS_GROUPS.dates);
