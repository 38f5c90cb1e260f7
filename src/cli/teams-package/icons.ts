import { Resvg } from "@resvg/resvg-js";
import { PackageError } from "./settings.js";

/** The two icons Teams requires: full colour 192×192, and a 32×32 white-on-transparent outline. */
export const ICONS = [
  { file: "color.png", svg: "color.svg", size: 192 },
  { file: "outline.png", svg: "outline.svg", size: 32 },
] as const;

export function renderIcon(svg: string, name: string, size: number): Uint8Array {
  // The marks are paths only: without fonts the PNGs come out the same on every machine.
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  if (image.width !== size || image.height !== size) {
    throw new PackageError(`${name} must be ${size}×${size} pixels, not ${image.width}×${image.height}`);
  }
  return image.asPng();
}
