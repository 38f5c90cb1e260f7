import { sleep } from "./system.js";

/** Open-loop load, shared by the ack and memory parts. */

/** Sends `rate` events a second for `seconds`, open loop; the latency of each answer, and errors. */
export async function slice(
  send: (n: number) => Promise<Response>,
  rate: number,
  seconds: number,
  first: number,
): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let index = 0; index < rate * seconds; index += 1) {
    const wait = start + (index * 1000) / rate - performance.now();
    if (wait >= 1) await sleep(wait);
    inFlight.push(
      (async () => {
        const sent = performance.now();
        try {
          const response = await send(first + index);
          latencies.push(performance.now() - sent);
          await response.arrayBuffer();
          if (!response.ok) errors += 1;
        } catch {
          errors += 1;
        }
      })(),
    );
  }
  await Promise.all(inFlight);
  return { latencies, errors };
}

export async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}
