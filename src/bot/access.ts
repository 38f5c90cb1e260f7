import { fileURLToPath } from "node:url";
import { z } from "zod";
import { PROGRAM_TYPES, type ProgramType } from "../graph/draft.js";
import { loadJsonFile } from "../graph/validation/json-file.js";

export const ROLES = ["viewer", "editor", "publisher", "approver"] as const;
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
};

/** Who may do what, from the roles file. A refusal says which role is missing. */
export class AccessPolicy {
  constructor(private readonly config: z.output<typeof rolesFile>) {}

  static load(path = DEFAULT_ROLES_PATH): AccessPolicy {
    return new AccessPolicy(loadJsonFile(path, rolesFile, "Roles"));
  }

  of(userId: string): UserAccess {
    const known = this.config.users[userId];
    return {
      userId,
      roles: known ? known.roles : this.config.unknownUsers,
      merchantIds: known?.merchants ?? [],
    };
  }

  /** undefined when allowed; otherwise the sentence to show. */
  refusal(access: UserAccess, role: Role, merchantId?: number): string | undefined {
    if (!access.roles.includes(role)) {
      return `You need the ${role} role to ${WHY[role]}. Ask a Kigo admin to add it to your account.`;
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
