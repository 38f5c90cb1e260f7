import type { OfferDraft } from "../draft.js";
import type { Rule } from "./context.js";
import type { ValidationIssue } from "./types.js";

/** A valid `YYYY-MM-DD` calendar day as a UTC Date, or undefined ("2026-02-30" is not a day). */
function calendarDay(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return day.toISOString().slice(0, 10) === text ? day : undefined;
}

function oneYearAfter(day: Date): string {
  const next = new Date(day);
  next.setUTCFullYear(day.getUTCFullYear() + 1);
  return next.toISOString().slice(0, 10);
}

function invalidDate(field: "startDate" | "endDate", text: string): ValidationIssue {
  const which = field === "startDate" ? "start" : "end";
  return {
    field,
    severity: "error",
    rule: "date_format",
    message: `The ${which} date "${text}" is not a real calendar date.`,
    fix: `Give the ${which} date as year-month-day, e.g. 2026-12-01.`,
  };
}

interface Day {
  text: string;
  date: Date;
}

function readDay(
  draft: OfferDraft,
  field: "startDate" | "endDate",
  issues: ValidationIssue[],
): Day | undefined {
  const text = draft[field];
  if (text === undefined) return undefined;
  const date = calendarDay(text);
  if (date) return { text, date };
  issues.push(invalidDate(field, text));
  return undefined;
}

function checkDates(draft: OfferDraft, today: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const start = readDay(draft, "startDate", issues);
  const end = readDay(draft, "endDate", issues);
  // ISO days compare correctly as strings.
  if (start && start.text < today) {
    issues.push({
      field: "startDate",
      severity: "error",
      rule: "start_date_past",
      message: `The start date ${start.text} is in the past (today is ${today}).`,
      fix: `Start the offer today (${today}) or later.`,
    });
  }
  if (!start || !end) return issues;
  const latestEnd = oneYearAfter(start.date);
  if (end.text < start.text) {
    issues.push({
      field: "endDate",
      severity: "error",
      rule: "end_before_start",
      message: `The end date ${end.text} is before the start date ${start.text}.`,
      fix: `Move the end date to ${start.text} or later, or start the offer earlier.`,
    });
  } else if (end.text > latestEnd) {
    issues.push({
      field: "endDate",
      severity: "warning",
      rule: "duration",
      message: `The offer runs from ${start.text} to ${end.text}, more than a year; long-running offers are hard to budget and tend to be forgotten.`,
      fix: `End it by ${latestEnd}, or split it into offers of a year or less.`,
    });
  }
  return issues;
}

export const datesRule: Rule = (draft, context) => checkDates(draft, context.today);
