import type { Outbound } from "./outbound.js";
import type { ThreadRegistry } from "./threads.js";
import type { Reply } from "./view-models.js";

/**
 * Posts a turn's replies into its conversation. A preview replaces the conversation's previous
 * preview in place rather than piling up copies; its notes are posted as a short line so the
 * change is visible where the user is reading.
 */
export async function deliverTurn(
  ports: { outbound: Outbound; threads: ThreadRegistry },
  threadKey: string,
  replies: Reply[],
  /** Post the preview anew at the bottom (a resumed draft) instead of updating it in place. */
  options: { fresh?: boolean } = {},
): Promise<void> {
  const { outbound, threads } = ports;
  const conversation = { conversation: threadKey };
  for (const reply of replies) {
    const message = { kind: "reply", reply, threadKey } as const;
    // Publishing turns the card into the published offer, so no old Publish stays clickable. That
    // card is then done: a later turn answers below it, and a next draft gets a card of its own.
    if (reply.kind === "preview" || reply.kind === "published") {
      const previous = await threads.liveCard(threadKey);
      if (previous && !options.fresh && (await outbound.update({ ...conversation, id: previous }, message))) {
        await threads.setLiveCard(threadKey, reply.kind === "preview" ? previous : undefined);
        if (reply.kind === "preview" && reply.notes.length > 0)
          await outbound.post(conversation, {
            kind: "line",
            text: `${reply.notes.join(" ")} (preview updated above)`,
          });
        continue;
      }
    }
    const posted = await outbound.post(conversation, message);
    if (reply.kind === "preview" && posted) await threads.setLiveCard(threadKey, posted.id);
  }
}
