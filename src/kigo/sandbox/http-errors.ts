import type { z } from "zod";
import type { FieldError } from "../schemas.js";

/** An answer other than success, in the admin API's error shape `{ error, message, field_errors? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(message);
  }

  get body() {
    return {
      error: this.code,
      message: this.message,
      ...(this.fieldErrors ? { field_errors: this.fieldErrors } : {}),
    };
  }
}

export function validationError(fieldErrors: FieldError[]): ApiError {
  const message = fieldErrors.map((error) => `${error.field}: ${error.message}`).join("; ");
  return new ApiError(400, "validation_error", message, fieldErrors);
}

export function notFound(entity: string, id: number | string): ApiError {
  return new ApiError(404, "not_found", `${entity} ${id} not found`);
}

export function conflict(message: string, fieldErrors?: FieldError[]): ApiError {
  return new ApiError(409, "conflict", message, fieldErrors);
}

export function unauthorized(): ApiError {
  return new ApiError(401, "unauthorized", "A valid admin token is required: Authorization: Bearer <token>");
}

export function internalError(): ApiError {
  return new ApiError(500, "internal_error", "The server could not complete the request");
}

/** Zod issues as field errors; `where` names the part of the request ("body", "query") a root-level issue is about. */
export function fromZodError(error: z.ZodError, where: string): ApiError {
  const fieldOf = (path: PropertyKey[]) => (path.length ? path.join(".") : where);
  return validationError(
    error.issues.flatMap((issue) =>
      // One error per unknown key, named, so a misspelt field is not read as the whole body's fault.
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({ field: fieldOf([...issue.path, key]), message: "is not a known field" }))
        : [{ field: fieldOf(issue.path), message: issue.message }],
    ),
  );
}

/** Zod's default for a missing key reads "expected string, received undefined"; say it plainly. */
export const requiredMessage = (issue: { input?: unknown }) =>
  issue.input === undefined ? "is required" : undefined;

interface DatabaseErrorLike {
  code?: unknown;
  detail?: unknown;
}

/**
 * A unique violation the database caught (a promo code or type name taken, a language added
 * twice) is the caller's conflict, not a server fault. The constraint is the authority, so two
 * racing requests still get one 201 and one 409.
 */
export function fromDatabaseError(error: unknown): ApiError | undefined {
  const { code, detail } = (error ?? {}) as DatabaseErrorLike;
  if (code !== "23505" || typeof detail !== "string") return undefined;
  const match = /^Key \((.+)\)=\((.+)\) already exists/.exec(detail);
  if (!match?.[1] || !match[2]) return undefined;
  // Composite keys are (parent id, value): the last column is the one the caller chose, and its
  // value is everything after the parent ids (it may contain ", " itself).
  const columns = match[1].split(", ");
  const field = columns.at(-1) ?? match[1];
  const value = match[2]
    .split(", ")
    .slice(columns.length - 1)
    .join(", ");
  const message = `${value} already exists`;
  return conflict(`${field}: ${message}`, [{ field, message }]);
}
