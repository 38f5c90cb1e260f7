import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RedemptionsChart } from "../../core/digest/view-model.js";
import type { KeyValueStore } from "../../stores/kv.js";
import { redemptionsPng } from "../../views/chart/redemptions.js";

/** A digest stays in the channel's history: its chart is served as long as people scroll back. */
const TTL_SECONDS = 90 * 86_400;
const PATH = /^\/charts\/([0-9a-f]{40})\.png$/;

/**
 * Teams shows a card's image from a URL (a `data:` URL of a chart is too large for a card), so
 * the bot serves its charts itself, at the public address Teams already reaches it on. The name
 * is a keyed hash of the chart: unguessable, and one image for every channel of the same digest.
 */
export class ChartImages {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly publicUrl: string,
    private readonly secret: string,
  ) {}

  async urlOf(chart: RedemptionsChart): Promise<string> {
    const id = createHash("sha1").update(this.secret).update(JSON.stringify(chart)).digest("hex");
    if (!(await this.kv.get(`chart:${id}`)))
      await this.kv.set(`chart:${id}`, redemptionsPng(chart).toString("base64"), TTL_SECONDS);
    return new URL(`charts/${id}.png`, this.publicUrl.endsWith("/") ? this.publicUrl : `${this.publicUrl}/`)
      .href;
  }

  /** `GET /charts/<id>.png`; false when the path is not a chart's, for the next route to answer. */
  async serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const id = PATH.exec(new URL(req.url ?? "/", "http://bot").pathname)?.[1];
    if (!id || req.method !== "GET") return false;
    const stored = await this.kv.get(`chart:${id}`);
    if (!stored) {
      res.writeHead(404, { "content-type": "text/plain" }).end("This chart has expired.");
      return true;
    }
    res.writeHead(200, { "content-type": "image/png", "cache-control": "public, max-age=86400" });
    res.end(Buffer.from(stored, "base64"));
    return true;
  }
}
