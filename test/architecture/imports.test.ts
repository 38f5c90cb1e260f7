import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** Imports run downward only: bot → core → graph → kigo; views read only the core's view models. */

const ROOT = resolve(import.meta.dirname, "../..");
const SRC = join(ROOT, "src");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every module a file imports or re-exports, as a path under src/ ("bot/slack/context.ts"). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g)].map(
    (match) => match[1] ?? "",
  );
  return specifiers
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => relative(SRC, resolve(dirname(file), specifier)).replace(/\.js$/, ".ts"));
}

/** "file imports target" for every import from `folders` into a module `forbidden` matches. */
function violations(folders: string[], forbidden: (target: string) => boolean): string[] {
  return folders.flatMap((folder) =>
    sourceFiles(join(SRC, folder)).flatMap((file) =>
      importsOf(file)
        .filter(forbidden)
        .map((target) => `${relative(SRC, file)} imports ${target}`),
    ),
  );
}

const LISTENER_FOLDERS = ["events", "messages", "commands", "actions", "views", "shortcuts"].map(
  (folder) => `bot/slack/${folder}`,
);

describe("imports run downward", () => {
  it("nothing in views, graph, kigo, core or stores imports the channel adapters", () => {
    expect(
      violations(["views", "graph", "kigo", "core", "stores"], (target) => target.startsWith("bot/")),
    ).toEqual([]);
  });

  it("Slack listeners reach the core, never a store or the Kigo client", () => {
    expect(
      violations(LISTENER_FOLDERS, (target) => target.startsWith("stores/") || target.startsWith("kigo/")),
    ).toEqual([]);
  });

  it("views import only the core's view models, form model and formatting, never its services, the graph or the Kigo client", () => {
    const models = new Set(["core/view-models.ts", "core/form.ts", "core/format.ts"]);
    // A feature's own view model (core/digest/view-model.ts) is one too.
    const isModel = (target: string) => models.has(target) || target.endsWith("/view-model.ts");
    const below = (target: string) => target.startsWith("graph/") || target.startsWith("kigo/");
    expect(
      violations(["views"], (target) => below(target) || (target.startsWith("core/") && !isModel(target))),
    ).toEqual([]);
  });

  it("configuration depends on no layer above it", () => {
    expect(importsOf(join(SRC, "config.ts")).filter((target) => /^(graph|core|bot)\//.test(target))).toEqual(
      [],
    );
  });

  it("sees the imports it checks", () => {
    expect(importsOf(join(SRC, "bot/slack/slack-app.ts"))).toContain("core/threads.ts");
    expect(sourceFiles(join(SRC, "bot/slack/actions")).length).toBeGreaterThan(3);
  });
});
