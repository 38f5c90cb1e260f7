import type { DatabaseOptions } from "./db.js";
import type { DemoSummary } from "./demo-data.js";

export type BannerInfo = {
  url: string;
  token: string;
  profile: "full" | "production";
  database: DatabaseOptions;
  demo: DemoSummary;
};

/** Where the data lives, without credentials: a database URL may carry a password. */
export function describeDatabase(database: DatabaseOptions): string {
  if (database.kind === "postgres") {
    const url = new URL(database.url);
    return `PostgreSQL at ${url.host}${url.pathname}${database.schema ? ` (schema ${database.schema})` : ""}`;
  }
  return database.dataDir ? `PGlite in ${database.dataDir}` : "PGlite in memory (data is lost on exit)";
}

const PROFILE_NOTE = {
  full: "every endpoint, including those production lacks",
  production: "only the endpoints production has today",
} as const;

/** The plain-text start-up message: what is running, where, and a request to paste. */
export function formatBanner({ url, token, profile, database, demo }: BannerInfo): string {
  const { counts } = demo;
  const auth = `-H "Authorization: Bearer ${token}"`;
  const lines = [
    "Kigo admin API sandbox",
    `  URL        ${url}`,
    `  Token      ${token}`,
    `  Profile    ${profile} (${PROFILE_NOTE[profile]})`,
    `  Database   ${describeDatabase(database)}`,
    `  Demo data  ${demo.loaded ? "loaded now" : "already present, left as it was"}`,
    `             ${counts.partners} partners, ${counts.programs} programs, ${counts.campaigns} campaigns, ` +
      `${counts.merchants} merchants (${counts.locations} locations), ${counts.offers} offers, ` +
      `${counts.promoCodes} promo codes`,
    `             ${counts.redemptions} redemptions, ${counts.impressions} daily impression rows` +
      (demo.activity ? `, ${demo.activity.from} to ${demo.activity.to}` : ""),
    `             programs: John Deere Dealer Network ${idText(demo.johnDeereProgramId)}, ` +
      `Yardi Resident Perks ${idText(demo.yardiProgramId)}, Deere Family Rewards ${idText(demo.hybridProgramId)}`,
    `             dealer merchant ${idText(demo.dealerMerchantId)}, property merchant ${idText(demo.propertyMerchantId)}, ` +
      `sample offer ${idText(demo.sampleOfferId)}`,
    "",
    `  Try  curl ${auth} ${url}/dashboard/offers`,
  ];
  // Analytics is one of the endpoints the production profile hides.
  if (profile === "full" && demo.sampleOfferId !== null) {
    lines.push(`       curl ${auth} ${url}/dashboard/offers/${demo.sampleOfferId}/analytics`);
  }
  lines.push("", "Ctrl+C stops the sandbox.");
  return `${lines.join("\n")}\n`;
}

const idText = (id: number | null) => (id === null ? "(deleted)" : `#${id}`);
