import type { FetchFunction } from "@slack/web-api";

/**
 * The Web API client's fetch, telling `count` the code of every call Slack refused: Slack answers
 * most errors with HTTP 200 and `{ ok: false, error }`, so only the body says. Every client the
 * app makes (Bolt's per-request ones too) shares it, so no call goes uncounted.
 */
export function countingFetch(count: (code: string) => void): FetchFunction {
  return async (url, init) => {
    let response: Response;
    try {
      response = await fetch(url, init as RequestInit);
    } catch (error) {
      count(error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network_error");
      throw error;
    }
    if (response.status === 429) count("ratelimited");
    else if (!response.ok) count(`http_${response.status}`);
    else if (response.headers.get("content-type")?.includes("json")) {
      const body = (await response
        .clone()
        .json()
        .catch(() => undefined)) as { ok?: unknown; error?: unknown } | undefined;
      if (body?.ok === false) count(typeof body.error === "string" ? body.error : "unknown");
    }
    return response;
  };
}
