import { GUID, PackageError, type PackageSettings, SEMVER } from "./settings.js";

/** The Teams app manifest: teams/manifest.json with the values only known at packaging time filled in. */

export type Manifest = Record<string, unknown>;

const MANIFEST_VERSION = "1.22";
const MAX_COMMAND_LISTS = 3;
const MAX_COMMANDS = 10;
const REQUIRED = [
  "manifestVersion",
  "version",
  "id",
  "developer.name",
  "developer.websiteUrl",
  "developer.privacyUrl",
  "developer.termsOfUseUrl",
  "name.short",
  "description.short",
  "description.full",
  "icons.color",
  "icons.outline",
  "accentColor",
];
const LONGEST = { "name.short": 30, "name.full": 100, "description.short": 80, "description.full": 4000 };

interface Bot {
  botId?: unknown;
  scopes?: unknown;
  commandLists?: { commands?: unknown[] }[];
}

const at = (value: unknown, path: string): unknown =>
  path.split(".").reduce((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);

export function fillManifest(template: Manifest, settings: PackageSettings): Manifest {
  const { validDomains: _, ...manifest } = template;
  return {
    ...manifest,
    version: settings.version,
    // One Entra app for the bot and the Teams app is enough for sideloading into a single tenant.
    id: settings.appId,
    bots: (template.bots as Bot[] | undefined)?.map((bot) => ({ ...bot, botId: settings.appId })),
    // A bot loads nothing from its host, so the domain is only listed when it is known.
    ...(settings.domain && { validDomains: [settings.domain] }),
  };
}

function botProblem(bots: unknown): string | undefined {
  if (!Array.isArray(bots) || bots.length !== 1) return "bots must hold exactly one bot";
  const [bot] = bots as Bot[];
  if (!GUID.test(String(bot?.botId))) return "bots[0].botId must be a GUID";
  if (!Array.isArray(bot?.scopes) || bot.scopes.length === 0) return "bots[0].scopes must not be empty";
  const lists = bot.commandLists ?? [];
  if (lists.length > MAX_COMMAND_LISTS)
    return `bots[0] has ${lists.length} command lists; at most ${MAX_COMMAND_LISTS}`;
  const index = lists.findIndex((list) => (list.commands?.length ?? 0) > MAX_COMMANDS);
  const count = lists[index]?.commands?.length;
  return count ? `bots[0].commandLists[${index}] has ${count} commands; at most ${MAX_COMMANDS}` : undefined;
}

/** The first thing Teams would refuse in the manifest, or nothing. */
function problem(manifest: Manifest): string | undefined {
  const missing = REQUIRED.find(
    (path) => typeof at(manifest, path) !== "string" || at(manifest, path) === "",
  );
  if (missing) return `${missing} is required`;
  if (manifest.manifestVersion !== MANIFEST_VERSION) return `manifestVersion must be "${MANIFEST_VERSION}"`;
  if (!SEMVER.test(String(manifest.version))) return `version "${manifest.version}" is not MAJOR.MINOR.PATCH`;
  if (!GUID.test(String(manifest.id))) return "id must be a GUID";
  const long = Object.entries(LONGEST).find(([path, most]) => String(at(manifest, path) ?? "").length > most);
  if (long) return `${long[0]} is longer than ${long[1]} characters`;
  const insecure = ["websiteUrl", "privacyUrl", "termsOfUseUrl"].find(
    (key) => !String(at(manifest, `developer.${key}`)).startsWith("https://"),
  );
  if (insecure) return `developer.${insecure} must be an https:// URL`;
  if (!/^#[0-9a-f]{6}$/i.test(String(manifest.accentColor))) return "accentColor must be like #1F6FEB";
  const placeholder = /\{\{\w+\}\}/.exec(JSON.stringify(manifest));
  if (placeholder) return `${placeholder[0]} was left unfilled`;
  return botProblem(manifest.bots);
}

export function checkManifest(manifest: Manifest): Manifest {
  const found = problem(manifest);
  if (found) throw new PackageError(`manifest: ${found}`);
  return manifest;
}
