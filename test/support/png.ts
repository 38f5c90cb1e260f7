import { unzlibSync } from "fflate";

/** Just enough of PNG to read what resvg writes (8-bit RGBA, not interlaced) back into pixels. */

export interface Png {
  width: number;
  height: number;
  /** RGBA, four bytes a pixel, rows top to bottom. */
  pixels: Uint8Array;
}

const SIGNATURE = "89504e470d0a1a0a";

function chunks(bytes: Uint8Array): { type: string; data: Uint8Array }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = [];
  for (let at = 8; at < bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    found.push({ type, data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return found;
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** Undoes the per-row filters in place: `rows` holds each row's filter byte then its bytes. */
function unfilter(rows: Uint8Array, width: number, height: number): Uint8Array {
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = rows[y * (stride + 1)];
    const row = rows.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? (out[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0] ?? 0;
      out[y * stride + x] = ((row[x] ?? 0) + predictor) & 0xff;
    }
  }
  return out;
}

export function readPng(bytes: Uint8Array): Png {
  if (Buffer.from(bytes.subarray(0, 8)).toString("hex") !== SIGNATURE) throw new Error("not a PNG");
  const all = chunks(bytes);
  const header = all[0];
  if (header?.type !== "IHDR") throw new Error("a PNG starts with IHDR");
  const ihdr = new DataView(header.data.buffer, header.data.byteOffset, header.data.byteLength);
  const [width, height] = [ihdr.getUint32(0), ihdr.getUint32(4)];
  const [depth, colourType, , , interlace] = header.data.subarray(8, 13);
  if (depth !== 8 || colourType !== 6 || interlace !== 0) throw new Error("only 8-bit RGBA, not interlaced");
  const idat = Buffer.concat(all.filter((chunk) => chunk.type === "IDAT").map((chunk) => chunk.data));
  return { width, height, pixels: unfilter(unzlibSync(idat), width, height) };
}
