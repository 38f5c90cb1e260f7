import type { Logger } from "pino";
import type { Metrics } from "../core/metrics.js";
import type { OfferBot } from "../core/offer-bot.js";
import type { KeyValueStore } from "../stores/kv.js";

/** What every channel app is given of the app: the one bot core and the shared store. */
export interface ChannelCore {
  bot: OfferBot;
  kv: KeyValueStore;
  ttlSeconds: number;
  logger?: Logger;
  metrics?: Metrics;
}
