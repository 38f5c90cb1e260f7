import {
  type CloudAdapter,
  HttpError,
  type HttpRequestConfig,
  type TurnContext,
} from "@microsoft/agents-hosting";

export interface RetryOptions {
  /** Extra attempts after the first. */
  retries?: number;
  baseMs?: number;
  maxMs?: number;
  /** Every failed attempt, retried or not: its HTTP status, or network_error when none came. */
  onError?: (code: string) => void;
}

/** What Teams asks bots to retry; 502/504 only where repeating cannot post a message twice. */
const ALWAYS = new Set([412, 429]);
const IF_IDEMPOTENT = new Set([502, 503, 504]);

/**
 * The SDK's connector client makes one attempt and throws on any error status. This middleware
 * wraps each turn's client (inbound turns and proactive ones alike) so a throttled or briefly
 * failing Bot Connector is retried with exponential backoff, full jitter, and never sooner than
 * its Retry-After.
 */
export function connectorRetry(adapter: CloudAdapter, options: RetryOptions = {}) {
  const { retries = 3, baseMs = 500, maxMs = 8_000, onError } = options;
  return async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
    const client = context.turnState.get(adapter.ConnectorClientKey) as
      | { httpClient?: { request: <T>(config: HttpRequestConfig) => Promise<T> } }
      | undefined;
    const http = client?.httpClient;
    if (http) {
      const request = http.request.bind(http);
      http.request = async <T>(config: HttpRequestConfig): Promise<T> => {
        for (let attempt = 0; ; attempt += 1) {
          try {
            return await request<T>(config);
          } catch (error) {
            onError?.(error instanceof HttpError ? String(error.status) : "network_error");
            if (
              !(error instanceof HttpError) ||
              attempt >= retries ||
              !retryable(error.status, config.method)
            )
              throw error;
            const retryAfter = Number(error.response?.headers?.get?.("retry-after")) * 1000 || 0;
            const backoff = Math.floor(Math.random() * Math.min(maxMs, baseMs * 2 ** attempt));
            await new Promise((resolve) => setTimeout(resolve, Math.max(retryAfter, backoff)));
          }
        }
      };
    }
    await next();
  };
}

function retryable(status: number, method: string): boolean {
  return ALWAYS.has(status) || (IF_IDEMPOTENT.has(status) && method.toUpperCase() !== "POST");
}
