import type { FieldError } from "../../schemas.js";
import { validationError } from "../http-errors.js";
import type { Row } from "./sql.js";

/**
 * Rules across fields, judged on the row as stored after a write and inside its transaction: a
 * partial update is checked together with the values it keeps, and a refused one leaves nothing.
 */
export type RowRules = (row: Row) => FieldError[];

export const noRules: RowRules = () => [];

export function assertValid(errors: FieldError[]): void {
  if (errors.length) throw validationError(errors);
}

export function validRow(row: Row, rules: RowRules): Row {
  assertValid(rules(row));
  return row;
}

/** A plain amount as marketers type it: "20", "12.50", "$5", "20%". */
const AMOUNT = /^\$?\s*(\d+(?:\.\d+)?)\s*%?$/;

/** A saving the preview would show as "500% off" or "$-5 off" is a typo, not an offer. */
export const savingsRules: RowRules = ({ savings_amount: amount, savings_type: type }) => {
  if (typeof amount !== "string" || (type !== "percentage" && type !== "fixed")) return [];
  const value = Number(AMOUNT.exec(amount.trim())?.[1]);
  if (!(value > 0))
    return [{ field: "savings_amount", message: "must be a positive amount such as 20 or 12.50" }];
  if (type === "percentage" && value > 100) {
    return [{ field: "savings_amount", message: "must be at most 100 for a percentage" }];
  }
  return [];
};

/** An offer row joined with its default-language descriptive. */
export const offerRules: RowRules = (offer) => {
  const { version_active_from: start, offer_expiry_date: expiry } = offer;
  const dates =
    typeof expiry === "string" && typeof start === "string" && expiry < start
      ? [{ field: "offer_expiry_date", message: "must be on or after version_active_from" }]
      : [];
  return [...dates, ...savingsRules(offer)];
};

export const redemptionControlRules: RowRules = (control) => {
  const { usage_limit_per_customer: perCustomer, total_usage_limit: total } = control;
  return typeof perCustomer === "number" && typeof total === "number" && perCustomer > total
    ? [{ field: "usage_limit_per_customer", message: "must not be more than total_usage_limit" }]
    : [];
};
