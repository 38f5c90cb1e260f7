import type { Destination, Outbound } from "../core/outbound.js";

/** One channel's outbound port, and the destinations that are its: its ids and thread keys. */
export interface OutboundRoute {
  outbound: Outbound;
  owns(id: string): boolean;
}

/** Thread keys, channel and DM ids, and user ids (U…, W…). */
export const SLACK_IDS = (id: string) => /^(slack:|[CGDUW][A-Z0-9]+$)/.test(id);
/** Thread keys, conversation ids, and users' Entra object ids. */
export const TEAMS_IDS = (id: string) =>
  /^(teams:|19:|a:|8:)|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/**
 * With Slack and Teams in one process, digests and alerts post through one port: each
 * destination goes to the channel it belongs to, and a channel typed by name is looked up where
 * the person asking is.
 */
export function routedOutbound(routes: OutboundRoute[]): Outbound {
  const [first] = routes;
  if (!first) throw new Error("routedOutbound needs at least one channel");
  if (routes.length === 1) return first.outbound;
  const idOf = (to: Destination) => ("channel" in to ? to.channel : to.conversation);
  const routeOf = (id: string | undefined) =>
    routes.find((route) => id !== undefined && route.owns(id)) ?? first;
  return {
    post: (to, message) => routeOf(idOf(to)).outbound.post(to, message),
    update: (posted, message) => routeOf(idOf(posted)).outbound.update(posted, message),
    tell: (to, message) => routeOf(to.channel ?? to.userId).outbound.tell(to, message),
    channel: (typed, asker) => routeOf(asker?.channelId ?? typed).outbound.channel(typed, asker),
  };
}
