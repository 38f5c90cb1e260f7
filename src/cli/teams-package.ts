import { relative } from "node:path";
import { writeTeamsPackage } from "./teams-package/build.js";
import { PackageError } from "./teams-package/settings.js";

/** `npm run teams:package`: the Teams app zip to sideload, from teams/ and the TEAMS_* settings. */

try {
  const path = writeTeamsPackage(process.env);
  process.stdout.write(`${relative(process.cwd(), path)}\n`);
} catch (error) {
  if (!(error instanceof PackageError)) throw error;
  process.stderr.write(`teams:package: ${error.message}\n`);
  process.exitCode = 1;
}
