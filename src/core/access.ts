import { fileURLToPath } from "node:url";
import { z } from "zod";
import { PROGRAM_TYPES, type ProgramType } from "../graph/draft.js";
import { loadJsonFile } from "../graph/validation/json-file.js";
import type { KeyValueStore } from "../stores/kv.js";

export const ROLES = ["viewer", "editor", "publisher", "approver", "admin"] as const;
export type Role = (typeof ROLES)[number];

const userAccess = z.strictObject({
  name: z.string().optional(),
  roles: z.array(z.enum(ROLES)),
  /** Merchant ids the user may work on; empty means every merchant. */
  merchants: z.array(z.number().int().positive()).default([]),
});

const rolesFile = z.strictObject({
  /** Roles of users the file does not list; empty means they can do nothing until added. */
  unknownUsers: z.array(z.enum(ROLES)).default([]),
  /** Keyed by channel user id: Slack `U…`, Teams AAD object id, or `console`. */
  users: z.record(z.string(), userAccess),
});

const programsFile = z.strictObject({
  workspaces: z.record(z.string(), z.enum(PROGRAM_TYPES)).default({}),
  channels: z.record(z.string(), z.enum(PROGRAM_TYPES)).default({}),
  merchants: z.record(z.string(), z.enum(PROGRAM_TYPES)).default({}),
  /** By the merchant's type in Kigo (`merchant_type`), for merchants not listed by id. */
  merchantTypes: z.record(z.string(), z.enum(PROGRAM_TYPES)).default({}),
});

export const DEFAULT_ROLES_PATH = fileURLToPath(new URL("../../config/roles.json", import.meta.url));
export const DEFAULT_PROGRAMS_PATH = fileURLToPath(new URL("../../config/programs.json", import.meta.url));

export interface UserAccess {
  userId: string;
  roles: Role[];
  merchantIds: number[];
}

const WHY: Record<Role, string> = {
  viewer: "view offers",
  editor: "create or change offer drafts",
  publisher: "publish, pause, resume or end offers",
  approver: "approve or reject offers",
  admin: "grant or revoke roles",
};

/** Roles changed in chat (`/offers roles`), kept with the other shared state over the roles file. */
const grantedRoles = z.record(
  z.string(),
  z.object({ roles: z.array(z.enum(ROLES)), merchants: z.array(z.number().int().positive()) }),
);
export type GrantedRoles = z.output<typeof grantedRoles>;
const GRANTED_KEY = "roles:granted";
// The store keeps nothing forever; a grant outlives any deployment at ten years.
const GRANTED_TTL_SECONDS = 10 * 365 * 86_400;

/** Who may do what, from the roles file. A refusal says which role is missing. */
export class AccessPolicy {
  private granted: GrantedRoles = {};
  private store?: KeyValueStore;

  constructor(private readonly config: z.output<typeof rolesFile>) {}

  static load(path = DEFAULT_ROLES_PATH): AccessPolicy {
    return new AccessPolicy(loadJsonFile(path, rolesFile, "Roles"));
  }

  /** Where roles granted in chat are kept (Redis or DATA_DIR), shared by every replica. */
  useStore(store: KeyValueStore): void {
    this.store = store;
  }

  /** Reads the grants again, so a change made on another replica counts from the next turn. */
  async refresh(): Promise<void> {
    // With the store unreachable the grants last read still hold; the turn itself then reports the outage.
    const stored = await this.store?.get(GRANTED_KEY).catch(() => undefined);
    if (stored === undefined) return;
    const parsed = grantedRoles.safeParse(JSON.parse(stored));
    if (parsed.success) this.granted = parsed.data;
  }

  /** Replaces one user's roles and merchants, over what the roles file says. */
  async grant(userId: string, access: { roles: Role[]; merchants: number[] }): Promise<void> {
    if (!this.store) throw new Error("roles cannot be changed without a store");
    await this.refresh();
    this.granted = { ...this.granted, [userId]: access };
    await this.store.set(GRANTED_KEY, JSON.stringify(this.granted), GRANTED_TTL_SECONDS);
  }

  /** Everyone with roles: the file's users, then those changed in chat (which win). */
  everyone(): UserAccess[] {
    const ids = new Set([...Object.keys(this.config.users), ...Object.keys(this.granted)]);
    return [...ids].sort().map((id) => this.of(id));
  }

  of(userId: string): UserAccess {
    const known = this.granted[userId] ?? this.config.users[userId];
    return {
      userId,
      roles: known ? known.roles : this.config.unknownUsers,
      merchantIds: known?.merchants ?? [],
    };
  }

  /** undefined when allowed; otherwise the sentence to show, with what an admin does about it. */
  refusal(access: UserAccess, role: Role, merchantId?: number): string | undefined {
    if (!access.roles.includes(role)) {
      return (
        `You need the ${role} role to ${WHY[role]}. Your user id is ${access.userId}: ` +
        `a Kigo admin can add the role with "/offers roles grant ${access.userId} ${role}".`
      );
    }
    if (
      merchantId !== undefined &&
      access.merchantIds.length > 0 &&
      !access.merchantIds.includes(merchantId)
    ) {
      return `Merchant #${merchantId} is outside the merchants your role covers.`;
    }
    return undefined;
  }
}

/** Program type from where the conversation happens: channel, then workspace, then merchant. */
export class ProgramMapping {
  constructor(private readonly config: z.output<typeof programsFile>) {}

  static load(path = DEFAULT_PROGRAMS_PATH): ProgramMapping {
    return new ProgramMapping(loadJsonFile(path, programsFile, "Program mapping"));
  }

  programFor(where: {
    channelId?: string;
    workspaceId?: string;
    merchantIds?: number[];
  }): ProgramType | undefined {
    const byChannel = where.channelId ? this.config.channels[where.channelId] : undefined;
    const byWorkspace = where.workspaceId ? this.config.workspaces[where.workspaceId] : undefined;
    const [onlyMerchant] = where.merchantIds ?? [];
    const byMerchant =
      where.merchantIds?.length === 1 && onlyMerchant !== undefined
        ? this.config.merchants[String(onlyMerchant)]
        : undefined;
    return byChannel ?? byWorkspace ?? byMerchant;
  }

  /** Configured for one merchant by id. */
  programOfMerchant(merchantId: number): ProgramType | undefined {
    return this.config.merchants[String(merchantId)];
  }

  /** Configured for merchants of a type in Kigo (`merchant_type`), e.g. "dealer". */
  programOfMerchantType(merchantType: string): ProgramType | undefined {
    return this.config.merchantTypes[merchantType];
  }
}
