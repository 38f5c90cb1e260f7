import { z } from "zod";
import type { AuditLog } from "../stores/audit.js";
import { type AccessPolicy, ROLES, type Role, type UserAccess } from "./access.js";
import { notice } from "./conversation.js";
import type { Reply } from "./view-models.js";

/** `/offers roles grant|revoke …`: what changes for whom. */
export interface RoleChange {
  kind: "grant" | "revoke";
  userId: string;
  /** Every role for "revoke … all". */
  roles: Role[];
  /** Given with grant: the merchants the user's roles now cover (replacing the old scope). */
  merchants?: number[];
}

const USAGE =
  'Usage: "roles" to list, "roles grant USER ROLE[,ROLE] [merchant:ID]" or "roles revoke USER ROLE[,ROLE]|all"' +
  ` (roles: ${ROLES.join(", ")}).`;

/** A user id as typed, with or without an @; channel ids of any channel. */
const userId = z
  .string()
  .transform((text) => text.replace(/^@/, ""))
  .pipe(z.string().regex(/^[\w.:-]+$/));

const roleList = z
  .string()
  .transform((text) => text.toLowerCase().split(",").filter(Boolean))
  .pipe(z.array(z.enum(ROLES)).min(1));

/** `roles …` arguments, or the sentence naming what is wrong and the right form. */
export function parseRoles(args: string[]): { verb: "roles"; change?: RoleChange } | { error: string } {
  if (args.length === 0) return { verb: "roles" };
  const [kind, user = "", roles = "", ...rest] = args;
  const lower = kind?.toLowerCase();
  if (lower !== "grant" && lower !== "revoke") return { error: USAGE };
  const id = userId.safeParse(user);
  if (!id.success) return { error: `"${user}" is not a user. ${USAGE}` };
  const all = lower === "revoke" && roles.toLowerCase() === "all";
  const parsedRoles = all ? { success: true as const, data: [...ROLES] } : roleList.safeParse(roles);
  if (!parsedRoles.success) return { error: `"${roles}" is not a role. ${USAGE}` };
  const merchants: number[] = [];
  for (const word of rest) {
    const merchant = Number(/^merchant:(\d+)$/i.exec(word)?.[1]);
    if (lower !== "grant" || !Number.isInteger(merchant) || merchant <= 0) {
      return { error: `"${word}" is not understood here. ${USAGE}` };
    }
    merchants.push(merchant);
  }
  const change: RoleChange = { kind: lower, userId: id.data, roles: parsedRoles.data };
  return { verb: "roles", change: merchants.length > 0 ? { ...change, merchants } : change };
}

/** Lists roles, or applies a grant or revoke by an admin: stored, audited, and said back. */
export async function changeRoles(
  deps: { access: AccessPolicy; audit: AuditLog },
  adminId: string,
  change: RoleChange | undefined,
  now: Date,
): Promise<Reply> {
  if (!change) {
    const lines = deps.access.everyone().map((access) => `• ${access.userId}: ${describe(access)}`);
    return notice("info", ["Roles:", ...lines, USAGE].join("\n"));
  }
  const before = deps.access.of(change.userId);
  const roles =
    change.kind === "grant"
      ? ROLES.filter((role) => before.roles.includes(role) || change.roles.includes(role))
      : before.roles.filter((role) => !change.roles.includes(role));
  const merchants = change.merchants ?? before.merchantIds;
  await deps.access.grant(change.userId, { roles, merchants });
  const verb = change.kind === "grant" ? "granted" : "revoked";
  await deps.audit.record({
    at: now.toISOString(),
    who: adminId,
    action: "roles",
    result: "ok",
    detail: `${verb} ${change.roles.join(",")} for ${change.userId}`,
  });
  return notice("success", `Roles of ${change.userId} now: ${describe(deps.access.of(change.userId))}.`);
}

function describe(access: UserAccess): string {
  const roles = access.roles.length > 0 ? access.roles.join(", ") : "no roles";
  const scope = access.merchantIds.length > 0 ? ` (merchants ${access.merchantIds.join(", ")})` : "";
  return `${roles}${scope}`;
}
