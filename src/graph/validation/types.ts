import type { DraftField } from "../draft.js";

export interface ValidationIssue {
  /** The draft field at fault; "draft" when the problem spans fields. */
  field: DraftField | "draft";
  /** Errors block publishing; warnings are shown on the preview and do not. */
  severity: "error" | "warning";
  /** What is wrong, in the marketer's words. */
  message: string;
  /** How to fix it, e.g. "Lower the value to 30% or less, or raise the budget to $75,000." */
  fix: string;
  /** A stable id per rule, e.g. "budget_liability", for tests and analytics. */
  rule: string;
}
