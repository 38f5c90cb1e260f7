import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { PACKAGE_FILE, teamsPackage, writeTeamsPackage } from "../../src/cli/teams-package/build.js";
import { checkManifest } from "../../src/cli/teams-package/manifest.js";
import { parseOffersCommand } from "../../src/core/offer-commands.js";
import { manifestSchemaProblems } from "../fakes/teams/app-manifest-schema.js";
import { readPng } from "../support/png.js";

const APP_ID = "0b7e8d4e-3f1a-4c59-9a53-2f1e5c6d7a8b";
const ENV = { TEAMS_APP_ID: APP_ID, TEAMS_BOT_DOMAIN: "kigo-bot.example.com" };
const MISSING = "TEAMS_APP_ID is not set: give the Azure Bot's Microsoft App ID";
const MALFORMED =
  "TEAMS_APP_ID must be a GUID like 00000000-0000-0000-0000-000000000000 (the Azure Bot's Microsoft App ID)";

const dir = mkdtempSync(join(tmpdir(), "teams-package-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const path = writeTeamsPackage(ENV, dir);
const files = unzipSync(readFileSync(path));
const manifest = JSON.parse(strFromU8(files["manifest.json"] ?? new Uint8Array()));
const [bot] = manifest.bots;
const titles = (scope: string) =>
  bot.commandLists
    .find((list: { scopes: string[] }) => list.scopes.includes(scope))
    .commands.map((command: { title: string }) => command.title);

async function cli(env: Record<string, string>) {
  const run = promisify(execFile);
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/cli/teams-package.ts"], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

describe("npm run teams:package", () => {
  it("writes manifest.json, color.png and outline.png at the root of the zip", () => {
    expect(path).toBe(join(dir, PACKAGE_FILE));
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
  });

  it("fills the bot id, app id, version and domain into a manifest the Teams v1.22 schema accepts", () => {
    expect(manifest).toMatchObject({
      manifestVersion: "1.22",
      id: APP_ID,
      version: JSON.parse(readFileSync("package.json", "utf8")).version,
      name: { short: "Kigo Offers", full: "Kigo Offer Manager" },
      validDomains: ["kigo-bot.example.com"],
    });
    expect(bot.botId).toBe(APP_ID);
    expect(bot.scopes).toEqual(["personal", "team", "groupChat"]);
    expect(manifestSchemaProblems(manifest)).toEqual([]);
  });

  it("lists /offers verbs, ten at most per scope, leaving end (and drafts in channels) to help", () => {
    expect(titles("personal")).toEqual([
      "new",
      "list",
      "show",
      "drafts",
      "analytics",
      "extend",
      "pause",
      "resume",
      "duplicate",
      "help",
    ]);
    for (const scope of ["team", "groupChat"]) {
      expect(titles(scope)).toEqual([
        "new",
        "list",
        "show",
        "analytics",
        "digest",
        "extend",
        "pause",
        "resume",
        "duplicate",
        "help",
      ]);
    }
    const all = bot.commandLists.flatMap((list: { commands: { title: string }[] }) => list.commands);
    for (const { title, description } of all) {
      expect(JSON.stringify(parseOffersCommand(title))).not.toContain("I don't know");
      expect(description.length).toBeGreaterThan(10);
    }
  });

  it("renders a full-colour 192×192 icon on the accent colour and a 32×32 white-on-transparent outline", () => {
    const color = readPng(files["color.png"] ?? new Uint8Array());
    const outline = readPng(files["outline.png"] ?? new Uint8Array());
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);

    const accent = Buffer.from(manifest.accentColor.slice(1), "hex");
    expect([...color.pixels.subarray(0, 4)]).toEqual([...accent, 255]);
    expect(color.pixels.filter((_, i) => i % 4 === 3).every((alpha) => alpha === 255)).toBe(true);

    const pixels = Array.from({ length: 32 * 32 }, (_, i) => [...outline.pixels.subarray(i * 4, i * 4 + 4)]);
    expect(pixels.filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255))).toEqual([]);
    expect(pixels.filter(([, , , a]) => a === 255).length).toBeGreaterThan(200);
    expect(pixels.filter(([, , , a]) => a === 0).length).toBeGreaterThan(400);
  });

  it("gives the same bytes every time", () => {
    expect(Buffer.from(teamsPackage(ENV)).equals(readFileSync(path))).toBe(true);
  });

  it("takes TEAMS_APP_VERSION and lists no domain without TEAMS_BOT_DOMAIN", () => {
    const other = unzipSync(teamsPackage({ TEAMS_APP_ID: APP_ID, TEAMS_APP_VERSION: "2.3.4" }));
    const built = JSON.parse(strFromU8(other["manifest.json"] ?? new Uint8Array()));
    expect(built.version).toBe("2.3.4");
    expect(built).not.toHaveProperty("validDomains");
    expect(manifestSchemaProblems(built)).toEqual([]);
  });

  it.each([
    [{}, MISSING],
    [{ TEAMS_APP_ID: "  " }, MISSING],
    [{ TEAMS_APP_ID: "kigo-offers" }, MALFORMED],
    [{ TEAMS_APP_ID: `${APP_ID}0` }, MALFORMED],
    [
      { TEAMS_APP_ID: APP_ID, TEAMS_APP_VERSION: "1.0" },
      'TEAMS_APP_VERSION must be a version like 1.2.3 (got "1.0")',
    ],
    [
      { TEAMS_APP_ID: APP_ID, TEAMS_APP_VERSION: "1.0.0-beta" },
      "TEAMS_APP_VERSION must be a version like 1.2.3",
    ],
    [{ TEAMS_APP_ID: APP_ID, TEAMS_BOT_DOMAIN: "https://kigo-bot.example.com" }, "TEAMS_BOT_DOMAIN must be"],
  ])("refuses %j", (env, message) => {
    expect(() => teamsPackage(env)).toThrow(message);
  });

  it.each([
    ["", MISSING],
    ["not-a-guid", MALFORMED],
  ])("the command refuses TEAMS_APP_ID=%j in one line", async (appId, message) => {
    const { code, stdout, stderr } = await cli({ TEAMS_APP_ID: appId });
    expect({ code, stdout, stderr }).toEqual({ code: 1, stdout: "", stderr: `teams:package: ${message}\n` });
  });

  it("refuses a command list longer than Teams takes, as the schema does", () => {
    const eleven = Array.from({ length: 11 }, (_, i) => ({ title: `c${i}`, description: "d" }));
    const crowded = {
      ...manifest,
      bots: [{ ...bot, commandLists: [bot.commandLists[0], { scopes: ["team"], commands: eleven }] }],
    };
    expect(() => checkManifest(crowded)).toThrow(
      "manifest: bots[0].commandLists[1] has 11 commands; at most 10",
    );
    expect(manifestSchemaProblems(crowded)).toContain(
      "/bots/0/commandLists/1/commands must NOT have more than 10 items",
    );
  });

  it("refuses a manifest missing a required field or with a placeholder left", () => {
    const { accentColor: _, ...colourless } = manifest;
    expect(() => checkManifest(colourless)).toThrow("manifest: accentColor is required");
    expect(() => checkManifest({ ...manifest, validDomains: ["{{TEAMS_BOT_DOMAIN}}"] })).toThrow(
      "manifest: {{TEAMS_BOT_DOMAIN}} was left unfilled",
    );
  });
});
