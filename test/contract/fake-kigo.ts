import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A response body from `test/contract/fixtures/`, as the real Kigo API would send it. */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"));
}

/**
 * A stand-in for the production Kigo admin API on loopback that answers each `METHOD /path`
 * (query ignored) with a canned JSON body, so the real ky client reads real HTTP answers.
 */
export class FakeKigo {
  private readonly answers = new Map<string, unknown>();
  private readonly server: Server;
  url = "";

  constructor() {
    this.server = createServer((request, response) => {
      const path = new URL(request.url ?? "/", "http://fake").pathname;
      const key = `${request.method} ${path}`;
      const found = this.answers.has(key);
      response.writeHead(found ? 200 : 404, { "content-type": "application/json" });
      response.end(JSON.stringify(found ? this.answers.get(key) : { error: "not_found", message: `${key}` }));
    });
  }

  answer(route: string, body: unknown): this {
    this.answers.set(route, body);
    return this;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
