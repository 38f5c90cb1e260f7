import { formatCount, type ValidationIssue } from "../../core/format.js";

/**
 * A draft's issues, errors first so that a cut list still shows what blocks publishing, under a
 * heading that counts them: "2 to fix before publishing, 1 to check".
 */
export function issuesInOrder(issues: ValidationIssue[]): { heading: string; ordered: ValidationIssue[] } {
  const errors = issues.filter((issue) => issue.severity === "error");
  const warnings = issues.filter((issue) => issue.severity === "warning");
  const heading = [
    errors.length > 0 && `${formatCount(errors.length)} to fix before publishing`,
    warnings.length > 0 && `${formatCount(warnings.length)} to check`,
  ]
    .filter(Boolean)
    .join(", ");
  return { heading, ordered: [...errors, ...warnings] };
}
