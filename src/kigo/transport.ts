import ky, { type KyInstance, TimeoutError } from "ky";
import type { Logger } from "pino";
import type { z } from "zod";
import { type Capability, KigoApiError, KigoUnsupportedError, messageForStatus } from "./errors.js";
import { type UnreadField, unreadIn } from "./lenient.js";
import { errorBody } from "./schemas.js";

export interface TransportOptions {
  baseUrl: string;
  token: string;
  /** Per attempt, not per call. */
  timeoutMs?: number;
  /** Extra attempts for requests that are safe to repeat. */
  retries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** A Retry-After longer than this fails the call instead of holding the user's turn. */
  maxRetryAfterMs?: number;
  logger?: Logger;
  /** Another fetch implementation (a proxy agent, or an observer in tests). */
  fetch?: typeof fetch;
}

export type Method = "GET" | "POST" | "PUT" | "DELETE";
type Query = Record<string, string | number | boolean | undefined>;

export interface RequestSpec<Schema extends z.ZodType> {
  method: Method;
  path: string;
  query?: Query;
  body?: unknown;
  /** Response schema; omit for 204 answers. */
  schema?: Schema;
  /** Set for routes production may lack, so a missing route becomes "unsupported". */
  capability?: Capability;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const SAFE_TO_REPEAT = new Set<Method>(["GET", "PUT", "DELETE"]);
const ROUTE_MISSING_STATUS = new Set([404, 405, 501]);

/**
 * HTTP to the Kigo admin API: Bearer auth, per-attempt timeout, typed errors, capability memory.
 *
 * Retries are our own loop rather than ky's: ky 1.x never retries after a timeout, has no jitter,
 * and a create must look itself up between attempts (see `createOnce` in client.ts), which needs
 * the backoff schedule outside a single request.
 */
export class KigoTransport {
  private readonly http: KyInstance;
  private readonly capabilities = new Map<Capability, boolean>();
  readonly retries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly logger: Logger | undefined;
  /** Fields already logged as unreadable: a list of 100 offers with the same odd field warns once. */
  private readonly reportedFields = new Set<string>();

  constructor(options: TransportOptions) {
    this.retries = options.retries ?? 3;
    this.baseDelayMs = options.retryBaseDelayMs ?? 300;
    this.maxDelayMs = options.retryMaxDelayMs ?? 5_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    this.logger = options.logger;
    this.http = ky.create({
      prefixUrl: options.baseUrl.replace(/\/+$/, ""),
      headers: { authorization: `Bearer ${options.token}`, accept: "application/json" },
      timeout: options.timeoutMs ?? 10_000,
      retry: 0,
      throwHttpErrors: false,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  /** true / false once the server has shown whether it has the capability; undefined before. */
  supports(capability: Capability): boolean | undefined {
    return this.capabilities.get(capability);
  }

  /** Sends once, or with retries when the method is safe to repeat. */
  async request<Schema extends z.ZodType>(spec: RequestSpec<Schema>): Promise<z.output<Schema>> {
    const attempts = SAFE_TO_REPEAT.has(spec.method) ? this.retries + 1 : 1;
    return this.withRetries(attempts, () => this.attempt(spec));
  }

  /**
   * Runs `work` up to `attempts` times while it fails with a retryable KigoApiError, waiting
   * Retry-After when the server gave one, else exponential backoff with jitter.
   */
  async withRetries<T>(attempts: number, work: (attempt: number) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work(attempt);
      } catch (error) {
        if (!(error instanceof KigoApiError) || !error.retryable || attempt >= attempts) throw error;
        const waitMs = error.retryAfterMs ?? this.backoffMs(attempt);
        if (waitMs > this.maxRetryAfterMs) throw error;
        this.logger?.warn(
          { method: error.method, path: error.path, status: error.status, attempt, waitMs },
          "retrying Kigo API call",
        );
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  }

  private backoffMs(attempt: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    // "Equal jitter": at least half the step, so replicas retrying together spread out but still back off.
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  private async attempt<Schema extends z.ZodType>(spec: RequestSpec<Schema>): Promise<z.output<Schema>> {
    const { method, path, capability } = spec;
    if (capability && this.capabilities.get(capability) === false) {
      throw new KigoUnsupportedError(capability, method, path);
    }
    const response = await this.send(spec);
    const text = await response.text().catch(() => "");
    const json = parseJson(text);

    if (!response.ok) {
      const body = json === undefined ? undefined : errorBody.safeParse(json);
      const apiError = body?.success ? body.data : undefined;
      if (capability && ROUTE_MISSING_STATUS.has(response.status) && !apiError?.code) {
        this.capabilities.set(capability, false);
        throw new KigoUnsupportedError(capability, method, path);
      }
      throw new KigoApiError({
        status: response.status,
        code: apiError?.code ?? `http_${response.status}`,
        message: apiError?.message ?? messageForStatus(response.status),
        fieldErrors: apiError?.fieldErrors ?? [],
        method,
        path,
        retryable: RETRYABLE_STATUS.has(response.status),
        retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
      });
    }

    if (capability) this.capabilities.set(capability, true);
    if (!spec.schema) return undefined as z.output<Schema>;
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // The schema's words are for operators; the user gets a sentence and the log has the detail.
      this.logger?.error(
        {
          method,
          path,
          status: response.status,
          field: issue?.path.join(".") || "body",
          reason: issue?.message,
        },
        "Kigo API answer could not be read",
      );
      throw new KigoApiError({
        status: response.status,
        code: "invalid_response",
        message: "The Kigo API sent an answer this bot cannot read. The details are in the bot's log.",
        method,
        path,
        retryable: false,
      });
    }
    for (const unread of unreadIn(parsed.data)) this.reportUnread(unread, method, path);
    return parsed.data;
  }

  private reportUnread(unread: UnreadField, method: Method, path: string): void {
    if (this.reportedFields.has(unread.field)) return;
    this.reportedFields.add(unread.field);
    this.logger?.warn(
      { method, path, ...unread },
      "Kigo API sent a field the bot cannot read; showing the rest (logged once per field)",
    );
  }

  private async send(spec: RequestSpec<z.ZodType>): Promise<Response> {
    const searchParams = Object.fromEntries(
      Object.entries(spec.query ?? {}).filter(
        (entry): entry is [string, string | number | boolean] => entry[1] !== undefined,
      ),
    );
    try {
      return await this.http(spec.path.replace(/^\/+/, ""), {
        method: spec.method,
        searchParams,
        ...(spec.body === undefined ? {} : { json: spec.body }),
      });
    } catch (error) {
      const timedOut = error instanceof TimeoutError;
      throw new KigoApiError({
        status: 0,
        code: timedOut ? "timeout" : "network_error",
        message: timedOut
          ? "The Kigo API did not answer in time. Please try again in a moment."
          : "Could not reach the Kigo API. Please try again in a moment.",
        method: spec.method,
        path: spec.path,
        retryable: true,
      });
    }
  }
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
