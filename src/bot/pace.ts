/**
 * Chat services pace posts per conversation (Slack about one a second per channel, Teams about
 * seven a second) and answer faster posts with 429, which in Slack pauses every call of the
 * client, not just that channel's. So posts to one channel wait their turn, in order, while posts
 * to other channels go at once.
 */
export type Pacer = <T>(channel: string, post: () => Promise<T>) => Promise<T>;

export function channelPacer(minIntervalMs: number): Pacer {
  const channels = new Map<string, { queue: Promise<unknown>; waiting: number; lastAt: number }>();
  return (channel, post) => {
    const state = channels.get(channel) ?? { queue: Promise.resolve(), waiting: 0, lastAt: 0 };
    channels.set(channel, state);
    state.waiting += 1;
    const turn = state.queue.then(async () => {
      const wait = state.lastAt + minIntervalMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        return await post();
      } finally {
        state.lastAt = Date.now();
        state.waiting -= 1;
        // An idle channel is forgotten once its interval has passed, so the map stays small.
        if (state.waiting === 0) {
          setTimeout(() => {
            if (state.waiting === 0 && channels.get(channel) === state) channels.delete(channel);
          }, minIntervalMs).unref();
        }
      }
    });
    // The next post waits for this one to settle, whether it was accepted or not.
    state.queue = turn.catch(() => undefined);
    return turn;
  };
}
