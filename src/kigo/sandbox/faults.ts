import { z } from "zod";
import { fromZodError, internalError, requiredMessage } from "./http-errors.js";

const faultStatus = z
  .number()
  .int()
  .refine((status) => status === 429 || (status >= 500 && status <= 599), "must be 429 or a 5xx status");

function faultSpecFor(routes: readonly string[]) {
  return z
    .object({
      route: z.string().refine((route) => routes.includes(route), {
        error: (issue) => `${JSON.stringify(issue.input)} is not a sandbox route`,
      }),
      times: z.number().int().positive().default(1),
      status: faultStatus.optional(),
      retryAfterSeconds: z.number().int().min(0).optional(),
      delayMs: z.number().int().min(0).max(600_000).optional(),
      /** The connection is dropped without an answer, as a proxy or a crashed server drops it. */
      reset: z.boolean().default(false),
      phase: z.enum(["before", "after"]).default("before"),
    })
    .refine((spec) => spec.status !== undefined || spec.delayMs !== undefined || spec.reset, {
      path: ["status"],
      message: "a fault needs a status, a delayMs or reset",
    })
    .refine((spec) => !(spec.reset && spec.status !== undefined), {
      path: ["reset"],
      message: "drops the connection, so it cannot also answer a status",
    })
    .refine((spec) => spec.phase === "before" || spec.status !== undefined || spec.reset, {
      path: ["status"],
      message: "is required with phase after, unless reset",
    });
}

export type FaultSpec = z.input<ReturnType<typeof faultSpecFor>>;
export type Fault = z.output<ReturnType<typeof faultSpecFor>>;

/** Per-route faults for the next calls, served in the order they were injected. */
export class FaultInjector {
  readonly schema: ReturnType<typeof faultSpecFor>;
  private readonly pending = new Map<string, Fault[]>();

  constructor(routes: readonly string[]) {
    this.schema = faultSpecFor(routes);
  }

  inject(spec: FaultSpec): void {
    const parsed = this.schema.safeParse(spec, { error: requiredMessage });
    if (!parsed.success) throw new Error(`Invalid fault: ${fromZodError(parsed.error, "fault").message}`);
    this.accept(parsed.data);
  }

  /** Queues a spec already validated against `schema` (the HTTP control route parses it itself). */
  accept(fault: Fault): void {
    const queue = this.pending.get(fault.route) ?? [];
    queue.push({ ...fault });
    this.pending.set(fault.route, queue);
  }

  clear(): void {
    this.pending.clear();
  }

  /** The fault the next call of `route` gets, if any; consumes one of its `times`. */
  take(route: string): Fault | undefined {
    const queue = this.pending.get(route);
    const fault = queue?.[0];
    if (!queue || !fault) return undefined;
    fault.times -= 1;
    if (fault.times === 0) queue.shift();
    return fault;
  }
}

const GATEWAY_REASONS: Record<number, string> = {
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/**
 * What a faulted call answers instead of its own response; undefined for a delay-only fault.
 * Each status looks like what sends it in production: 500 is the API's own JSON error, 429 its
 * rate limiter, and other 5xx come from a gateway in front of it, which knows nothing of JSON.
 */
export function faultResponse(fault: Fault): Response | undefined {
  const { status, retryAfterSeconds } = fault;
  if (status === undefined) return undefined;
  const headers = new Headers();
  if (retryAfterSeconds !== undefined) headers.set("retry-after", String(retryAfterSeconds));
  if (status === 500) return Response.json(internalError().body, { status, headers });
  if (status === 429) {
    const wait = retryAfterSeconds === undefined ? "" : ` Retry after ${retryAfterSeconds} s.`;
    const body = { error: "rate_limited", message: `Too many requests.${wait}` };
    return Response.json(body, { status, headers });
  }
  headers.set("content-type", "text/plain");
  return new Response(`${status} ${GATEWAY_REASONS[status] ?? "Server Error"}`, { status, headers });
}
