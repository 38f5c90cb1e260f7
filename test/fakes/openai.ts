import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A fake OpenAI-compatible server on loopback, so the real @langchain/openai code path runs:
 * `POST /v1/chat/completions` answers what the test scripts and records every request.
 */

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  // biome-ignore lint/suspicious/noExplicitAny: a request body as the client sent it, inspected freely by tests
  body: any;
}

export interface Scripted {
  status?: number;
  /** Sent as JSON; a string is sent as it is (for malformed answers). */
  body: unknown;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
}

export const USAGE = { prompt_tokens: 321, completion_tokens: 42, total_tokens: 363 };

/** A chat completion whose only content is a call of `name` with `args` (a string is sent verbatim). */
export function toolCallCompletion(name: string, args: unknown): unknown {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 1_764_000_000,
    model: "fake",
    choices: [
      {
        index: 0,
        finish_reason: "tool_calls",
        message: {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: "call_1",
              type: "function",
              function: { name, arguments: typeof args === "string" ? args : JSON.stringify(args) },
            },
          ],
        },
      },
    ],
    usage: USAGE,
  };
}

export function textCompletion(text: string): unknown {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 1_764_000_000,
    model: "fake",
    choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: text } }],
    usage: USAGE,
  };
}

export interface FakeOpenAI {
  /** The base URL to configure, ending in /v1. */
  baseURL: string;
  requests: RecordedRequest[];
  /** What every following request is answered with. */
  answer(next: Scripted | ((request: RecordedRequest) => Scripted)): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  let script: (request: RecordedRequest) => Scripted = () => ({
    status: 500,
    body: { error: "not scripted" },
  });

  const server = createServer(async (request, response) => {
    const text = await readBody(request);
    const recorded: RecordedRequest = {
      path: request.url ?? "",
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(recorded);
    if (request.method !== "POST" || recorded.path !== "/v1/chat/completions") {
      response.writeHead(404, { "content-type": "application/json" }).end('{"error":"no such route"}');
      return;
    }
    const { status = 200, body, delayMs = 0 } = script(recorded);
    setTimeout(() => {
      if (response.destroyed) return;
      response.writeHead(status, { "content-type": "application/json" });
      response.end(typeof body === "string" ? body : JSON.stringify(body));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    answer(next) {
      script = typeof next === "function" ? next : () => next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
