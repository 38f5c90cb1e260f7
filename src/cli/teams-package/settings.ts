/** The environment settings `npm run teams:package` reads, refused with one line naming the variable. */

export class PackageError extends Error {}

export interface PackageSettings {
  appId: string;
  version: string;
  domain?: string;
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Teams takes only MAJOR.MINOR.PATCH: a pre-release or build suffix fails the upload.
export const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/i;

const set = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export function packageSettings(
  env: Record<string, string | undefined>,
  packageVersion: string,
): PackageSettings {
  const appId = set(env.TEAMS_APP_ID);
  if (!appId) throw new PackageError("TEAMS_APP_ID is not set: give the Azure Bot's Microsoft App ID");
  if (!GUID.test(appId)) {
    throw new PackageError(
      "TEAMS_APP_ID must be a GUID like 00000000-0000-0000-0000-000000000000 (the Azure Bot's Microsoft App ID)",
    );
  }
  const version = set(env.TEAMS_APP_VERSION) ?? packageVersion;
  if (!SEMVER.test(version)) {
    const source = set(env.TEAMS_APP_VERSION) ? "TEAMS_APP_VERSION" : "package.json's version";
    throw new PackageError(`${source} must be a version like 1.2.3 (got "${version}")`);
  }
  const domain = set(env.TEAMS_BOT_DOMAIN);
  if (domain !== undefined && !HOST.test(domain)) {
    throw new PackageError(
      "TEAMS_BOT_DOMAIN must be the bot's public host name, e.g. kigo-bot.example.com, without https:// or a path",
    );
  }
  return { appId, version, ...(domain && { domain }) };
}
