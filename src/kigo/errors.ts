import type { FieldError } from "./schemas.js";

/**
 * Endpoints production may lack (seed: "Missing Endpoints & Gaps"). A capability is remembered as
 * unsupported after the server answers its route with 404/405/501 and no API error body.
 */
export const CAPABILITIES = [
  "programs",
  "campaigns",
  "merchants_admin",
  "descriptives",
  "customer_lists",
  "analytics",
  "duplicate",
  "bulk_create",
  "preview",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const CAPABILITY_LABEL: Record<Capability, string> = {
  programs: "program management",
  campaigns: "campaigns",
  merchants_admin: "merchant administration",
  descriptives: "editing offer titles and translations",
  customer_lists: "customer list upload",
  analytics: "offer analytics",
  duplicate: "offer duplication",
  bulk_create: "bulk offer creation",
  preview: "offer previews",
};

export interface KigoApiErrorDetails {
  /** HTTP status; 0 when no response arrived (network failure or timeout). */
  status: number;
  /** Machine-readable code: the server's own, or ours (network_error, timeout, invalid_response, ...). */
  code: string;
  /** A sentence a marketer can read. Never a stack, never a token. */
  message: string;
  fieldErrors?: FieldError[];
  method: string;
  path: string;
  /** Whether the same request may succeed if repeated later (5xx, 429, network, timeout). */
  retryable: boolean;
  /** How long the server asked us to wait (Retry-After), when it said. */
  retryAfterMs?: number;
}

export class KigoApiError extends Error {
  override name = "KigoApiError";
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];
  readonly method: string;
  readonly path: string;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(details: KigoApiErrorDetails) {
    super(details.message);
    this.status = details.status;
    this.code = details.code;
    this.fieldErrors = details.fieldErrors ?? [];
    this.method = details.method;
    this.path = details.path;
    this.retryable = details.retryable;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The server has no route for this capability; callers switch to the seed's documented workaround. */
export class KigoUnsupportedError extends KigoApiError {
  override name = "KigoUnsupportedError";
  readonly capability: Capability;

  constructor(capability: Capability, method: string, path: string) {
    super({
      status: 404,
      code: "unsupported",
      message: `This Kigo API does not support ${CAPABILITY_LABEL[capability]} yet.`,
      method,
      path,
      retryable: false,
    });
    this.capability = capability;
  }
}

const STATUS_MESSAGES: Record<number, string> = {
  400: "The Kigo API refused the request as invalid.",
  401: "The Kigo API refused our credentials. Check KIGO_API_TOKEN.",
  403: "The Kigo API does not allow this action for our admin account.",
  404: "The Kigo API could not find that item.",
  409: "That conflicts with something that already exists in Kigo.",
  429: "The Kigo API is busy (rate limited). Please try again in a moment.",
};

/** A human sentence for a status when the server did not send one. */
export function messageForStatus(status: number): string {
  return (
    STATUS_MESSAGES[status] ??
    (status >= 500
      ? `The Kigo API is having trouble (HTTP ${status}). Please try again in a moment.`
      : `The Kigo API answered HTTP ${status}.`)
  );
}
