import http from "node:http";
import { slackSignature } from "../fakes/slack/signed.js";

/**
 * Requests fetch will not send: a body cut off before its Content-Length, a body streamed without
 * one, any method with any body, any content type or none.
 */
export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sends only this many bytes of the body (announcing all of them), then hangs up. */
  cutAfter?: number;
  /** Sends the body chunked, without a Content-Length. */
  chunked?: boolean;
  timeoutMs?: number;
}

/** The status, or "no answer": the client hung up (cutAfter) or nothing came within the timeout. */
export type RawStatus = number | "no answer";

const CHUNK = 64 * 1024;

export function rawRequest(url: string, options: RawRequest = {}): Promise<RawStatus> {
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  return new Promise((resolve) => {
    // A connection of its own, kept alive as Slack's and the Bot Connector's are: a server that
    // answers before reading the whole body reads and drops the rest. (With Connection: close it
    // would close with bytes unread, resetting the connection under its own answer.)
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    let answered: number | undefined;
    let settled = false;
    const settle = (value: RawStatus) => {
      if (!settled) resolve(value);
      settled = true;
      agent.destroy();
    };
    const request = http.request(url, {
      method: options.method ?? "POST",
      agent,
      headers: {
        ...(body && !options.chunked ? { "content-length": String(body.length) } : {}),
        ...options.headers,
      },
    });
    request.setTimeout(options.timeoutMs ?? 10_000, () => {
      request.destroy();
      settle("no answer");
    });
    request.on("response", (response) => {
      answered = response.statusCode ?? 0;
      response.resume();
      response.on("end", () => settle(answered ?? 0));
      response.on("error", () => settle(answered ?? 0));
    });
    // A server that answers before reading the whole body may reset the connection after it.
    request.on("error", () => settle(answered ?? "no answer"));
    if (!body) {
      request.end();
      return;
    }
    if (options.cutAfter !== undefined) {
      request.write(body.subarray(0, options.cutAfter));
      // Long enough for the server to start reading, then the connection is gone.
      setTimeout(() => {
        request.destroy();
        settle("no answer");
      }, 100);
      return;
    }
    // In pieces, and no more once an answer came: a server refusing a large body answers early.
    void (async () => {
      for (let at = 0; at < body.length && answered === undefined && !request.destroyed; at += CHUNK) {
        if (!request.write(body.subarray(at, at + CHUNK)))
          await new Promise((resolve) => request.once("drain", resolve));
      }
      if (!request.destroyed) request.end();
    })();
  });
}

/** Valid JSON of about `megabytes` MB: the given fields and one long string. */
export function bigJson(megabytes: number, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...fields, padding: "x".repeat(megabytes * 1024 * 1024) });
}

/** Headers that sign `body` for `secret` now, as Slack does. */
export function slackSigned(
  secret: string,
  body: string | Buffer,
  contentType?: string,
): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    ...(contentType ? { "content-type": contentType } : {}),
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(secret, timestamp, body.toString()),
  };
}
