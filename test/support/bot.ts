import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type OfferBotApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { Speaker } from "../../src/core/conversation.js";
import type { BotTurn } from "../../src/core/offer-bot.js";
import { readOffersCommand } from "../../src/core/offer-commands.js";
import type { Action, Reply } from "../../src/core/view-models.js";
import { type FakeOpenAI, startFakeOpenAI } from "../fakes/openai.js";
import { sandboxDatabase } from "./sandbox-database.js";

/** The real app, wired from configuration like `npm start`, with test roles and a fixed clock. */
export const NOW = new Date("2026-11-25T16:00:00Z");
export const TIME_ZONE = "America/Chicago";

export const USERS = {
  /** Scoped to one dealer (demo merchant #1), so the bot never asks which merchant. */
  dealerMarketer: { roles: ["viewer", "editor", "publisher"], merchants: [1] },
  /** Every merchant: the bot asks which one. */
  accountManager: { roles: ["viewer", "editor", "publisher"], merchants: [] },
  editorOnly: { roles: ["viewer", "editor"], merchants: [1] },
  approver: { roles: ["viewer", "approver"], merchants: [] },
  viewer: { roles: ["viewer"], merchants: [] },
} as const;

export type TestUser = keyof typeof USERS;

export type TestApp = Omit<OfferBotApp, "close"> & {
  dir: string;
  close(options?: { keepData?: boolean }): Promise<void>;
};

/**
 * `sandboxOnDisk` keeps the embedded sandbox's data in DATA_DIR, for a test that restarts on it;
 * otherwise it lives in memory. A sandbox the environment configures is left to it.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { sandboxOnDisk?: boolean } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), "kigo-bot-"));
  const rolesFile = join(dir, "roles.json");
  writeFileSync(rolesFile, JSON.stringify({ unknownUsers: [], users: USERS }));
  const config = loadConfig({
    ROLES_FILE: rolesFile,
    DATA_DIR: dir,
    DEFAULT_TIME_ZONE: TIME_ZONE,
    KIGO_API_RETRIES: "2",
    LOG_LEVEL: "silent",
    ...env,
  });
  const configured = config.KIGO_API_URL || config.SANDBOX_DATA_DIR || config.SANDBOX_DATABASE_URL;
  const app = await createApp(config, {
    now: () => NOW,
    ...(configured
      ? {}
      : { sandboxDatabase: sandboxDatabase(options.sandboxOnDisk ? config.DATA_DIR : undefined) }),
  });
  // Each app keeps a PGlite directory of tens of megabytes: gone with the app, unless a test
  // restarts on it (passing it back as DATA_DIR), which then owns it.
  const close = async (options: { keepData?: boolean } = {}) => {
    await app.close();
    if (!options.keepData) rmSync(dir, { recursive: true, force: true });
  };
  return { ...app, dir, close };
}

/** The app reading messages with a model: a fake OpenAI-compatible server answers what a test scripts. */
export async function startModelApp(): Promise<{ app: TestApp; openai: FakeOpenAI; close(): Promise<void> }> {
  const openai = await startFakeOpenAI();
  const app = await startTestApp({
    OPENAI_API_KEY: "sk-test-not-real",
    OPENAI_BASE_URL: openai.baseURL,
    OPENAI_MODEL: "fake-model",
  });
  return {
    app,
    openai,
    close: async () => {
      await app.close();
      await openai.close();
    },
  };
}

let threadCounter = 0;
export const newThread = () => `test:${process.pid}:${++threadCounter}`;

/** One user's side of a conversation in one thread. */
export class Chat {
  threadKey = newThread();
  last: Reply[] = [];

  constructor(
    private readonly app: OfferBotApp,
    readonly user: TestUser,
  ) {}

  get speaker(): Speaker {
    return { userId: this.user, timeZone: TIME_ZONE };
  }

  async say(text: string): Promise<Reply[]> {
    return this.take(await this.app.bot.message(this.speaker, this.threadKey, text, newThread));
  }

  async click(label: string | RegExp, options: { reason?: string } = {}): Promise<Reply[]> {
    const action = this.action(label);
    return this.take(
      await this.app.bot.action(this.speaker, this.threadKey, action.id, action.value, {
        ...options,
        newThreadKey: newThread,
      }),
    );
  }

  async offers(command: string): Promise<Reply[]> {
    return this.take(
      await this.app.bot.command(this.speaker, this.threadKey, readOffersCommand(command), newThread),
    );
  }

  action(label: string | RegExp): Action {
    const actions = this.last.flatMap((reply) => ("actions" in reply && reply.actions ? reply.actions : []));
    const found = actions.find((action) =>
      typeof label === "string" ? action.label === label : label.test(action.label),
    );
    if (!found)
      throw new Error(`no action ${label} among ${actions.map((action) => action.label).join(", ")}`);
    return found;
  }

  reply<Kind extends Reply["kind"]>(kind: Kind): Extract<Reply, { kind: Kind }> {
    const found = this.last.find((reply) => reply.kind === kind);
    if (!found)
      throw new Error(`expected a ${kind} reply, got ${JSON.stringify(this.last, null, 2).slice(0, 2000)}`);
    return found as Extract<Reply, { kind: Kind }>;
  }

  private take(turn: BotTurn): Reply[] {
    this.threadKey = turn.threadKey;
    this.last = turn.replies;
    return turn.replies;
  }
}
