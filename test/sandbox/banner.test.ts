import { describe, expect, it } from "vitest";
import { type BannerInfo, describeDatabase, formatBanner } from "../../src/kigo/sandbox/banner.js";

const info: BannerInfo = {
  url: "http://127.0.0.1:4010",
  token: "sandbox-admin-token",
  profile: "full",
  database: { kind: "pglite" },
  demo: {
    loaded: true,
    activity: { from: "2025-07-19", to: "2025-10-16" },
    counts: {
      partners: 2,
      programs: 3,
      campaigns: 4,
      merchants: 13,
      locations: 16,
      offers: 8,
      promoCodes: 3,
      redemptions: 2498,
      impressions: 550,
    },
    johnDeereProgramId: 1,
    yardiProgramId: 2,
    hybridProgramId: 3,
    dealerMerchantId: 1,
    propertyMerchantId: 6,
    sampleOfferId: 1,
  },
};

describe("sandbox banner", () => {
  it("shows where to reach the sandbox and a request to paste", () => {
    const banner = formatBanner(info);
    expect(banner).toContain("URL        http://127.0.0.1:4010");
    expect(banner).toContain("Token      sandbox-admin-token");
    expect(banner).toContain("PGlite in memory");
    expect(banner).toContain("2498 redemptions, 550 daily impression rows, 2025-07-19 to 2025-10-16");
    expect(banner).toContain(
      'curl -H "Authorization: Bearer sandbox-admin-token" http://127.0.0.1:4010/dashboard/offers\n',
    );
    expect(banner).toContain("/dashboard/offers/1/analytics");
  });

  it("does not suggest analytics under the production profile, which hides it", () => {
    expect(formatBanner({ ...info, profile: "production" })).not.toContain("/analytics");
  });

  it("names the database without its password", () => {
    const text = describeDatabase({ kind: "postgres", url: "postgres://kigo:s3cr3t@db.internal:5432/kigo" });
    expect(text).toBe("PostgreSQL at db.internal:5432/kigo");
    expect(describeDatabase({ kind: "pglite", dataDir: ".data/sandbox" })).toBe("PGlite in .data/sandbox");
  });
});
