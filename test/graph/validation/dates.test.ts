import { describe, expect, it } from "vitest";
import { expectOne, issuesOf, TODAY } from "./fixtures.js";

describe("dates", () => {
  it("rejects a start date in the past, naming it and today", async () => {
    const issue = expectOne(await issuesOf("start_date_past", { startDate: "2025-11-19" }), {
      severity: "error",
      field: "startDate",
      mentions: ["2025-11-19", TODAY],
    });
    expect(issue.fix).toContain(TODAY);
    expect(await issuesOf("start_date_past", { startDate: TODAY })).toEqual([]);
  });

  it("rejects an end date before the start, and accepts a one-day offer", async () => {
    expectOne(await issuesOf("end_before_start", { endDate: "2026-11-30" }), {
      severity: "error",
      field: "endDate",
      mentions: ["2026-11-30", "2026-12-01"],
    });
    expect(await issuesOf("end_before_start", { endDate: "2026-12-01" })).toEqual([]);
  });

  it("warns about an offer longer than a year", async () => {
    const issue = expectOne(await issuesOf("duration", { endDate: "2027-12-02" }), {
      severity: "warning",
      field: "endDate",
      mentions: ["2026-12-01", "2027-12-02"],
    });
    expect(issue.fix).toContain("2027-12-01");
    expect(await issuesOf("duration", { endDate: "2027-12-01" })).toEqual([]);
  });

  it("rejects a day that is not on the calendar", async () => {
    expectOne(await issuesOf("date_format", { endDate: "2026-02-30" }), {
      severity: "error",
      field: "endDate",
      mentions: ["2026-02-30"],
    });
    expect(await issuesOf("date_format", {})).toEqual([]);
  });
});
