import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { ICONS, renderIcon } from "./icons.js";
import { checkManifest, fillManifest } from "./manifest.js";
import { packageSettings } from "./settings.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SOURCES = join(ROOT, "teams");
export const PACKAGE_FILE = "kigo-offers-teams.zip";
export const DEFAULT_OUT_DIR = join(ROOT, "dist", "teams");
// fflate writes DOS times from the local clock fields, so a local date gives the same bytes in every zone.
const FIXED_MTIME = new Date(2026, 0, 1);

const source = (file: string) => readFileSync(join(SOURCES, file), "utf8");

/** The sideloading zip: manifest.json and both icons at its root, as Teams wants them. */
export function teamsPackage(env: Record<string, string | undefined>): Uint8Array {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  const settings = packageSettings(env, version);
  const manifest = checkManifest(fillManifest(JSON.parse(source("manifest.json")), settings));
  const icons = ICONS.map(({ file, svg, size }) => [file, renderIcon(source(svg), svg, size)] as const);
  return zipSync(
    { "manifest.json": strToU8(`${JSON.stringify(manifest, null, 2)}\n`), ...Object.fromEntries(icons) },
    { level: 9, mtime: FIXED_MTIME },
  );
}

/** Builds the package into `outDir` (made if missing) and returns the zip's path. */
export function writeTeamsPackage(env: Record<string, string | undefined>, outDir = DEFAULT_OUT_DIR): string {
  const zip = teamsPackage(env);
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, PACKAGE_FILE);
  writeFileSync(path, zip);
  return path;
}
