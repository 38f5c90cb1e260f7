import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { redemptionsPng, redemptionsSvg } from "../../../src/views/chart/redemptions.js";
import { sparkline } from "../../../src/views/chart/sparkline.js";

const days = ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05"];
const chart = {
  title: "Redemptions per day · Dec 1 – Dec 5, 2026",
  days,
  series: [
    { name: "All offers", values: [4, 9, 2, 12, 7] },
    { name: "20% off all equipment", values: [3, 6, 1, 8, 5] },
  ],
};

/** The PNG's chunks, read by hand so the test does not trust the renderer's own decoder. */
function chunks(png: Buffer): { type: string; data: Buffer }[] {
  const found: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    found.push({ type: png.toString("ascii", at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return found;
}

describe("the redemptions chart", () => {
  it("is a PNG of 960×480 with drawn pixels, not a blank image", () => {
    const png = redemptionsPng(chart);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const parts = chunks(png);
    const header = parts.find((part) => part.type === "IHDR")?.data;
    expect([header?.readUInt32BE(0), header?.readUInt32BE(4)]).toEqual([960, 480]);
    const pixels = inflateSync(
      Buffer.concat(parts.filter((part) => part.type === "IDAT").map((part) => part.data)),
    );
    // A blank white image compresses to rows of the same byte; a drawn chart has many distinct values.
    expect(new Set(pixels).size).toBeGreaterThan(50);
  });

  it("labels the days, the series and the title in text", () => {
    const svg = redemptionsSvg(chart);
    for (const label of ["Dec 1", "Dec 5", "All offers", "20% off all equipment", "Redemptions per day"])
      expect(svg).toContain(label);
  });

  it("falls back to a text sparkline scaled to the busiest day", () => {
    expect(sparkline([0, 4, 8])).toBe("▁▅█");
    expect(sparkline([0, 0])).toBe("▁▁");
  });
});
