import { statSync } from "node:fs";
import { isIP } from "node:net";
import { resolve } from "node:path";
import { Cron } from "croner";
import { z } from "zod";
import { canonicalZone } from "./time-zone.js";

/**
 * Every environment setting the bot reads, parsed in one place so a wrong value stops start-up
 * with one line naming the variable instead of failing later somewhere deep.
 */

const httpUrl = (name: string, example = "https://api.kigo.io") =>
  z
    .string()
    .trim()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
      message: `${name} must be an http(s) URL, e.g. ${example}`,
    });

const postgresUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol), {
      message: `${name} must be a postgres:// URL, e.g. postgres://user@127.0.0.1:5432/kigo`,
    });

const positiveInt = (name: string, example: number) =>
  z.coerce
    .number({ message: `${name} must be a whole number, e.g. ${example}` })
    .int({ message: `${name} must be a whole number, e.g. ${example}` })
    .positive({ message: `${name} must be greater than 0, e.g. ${example}` });

const port = (name: string, example: number) =>
  z.coerce
    .number({ message: `${name} must be a TCP port between 0 and 65535, e.g. ${example}` })
    .int({ message: `${name} must be a TCP port between 0 and 65535, e.g. ${example}` })
    .min(0, { message: `${name} must be a TCP port between 0 and 65535, e.g. ${example}` })
    .max(65535, { message: `${name} must be a TCP port between 0 and 65535, e.g. ${example}` });

const redisUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((value) => URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol), {
      message: `${name} must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379`,
    });

const timeZone = (name: string) =>
  z
    .string()
    .trim()
    .refine((value) => canonicalZone(value) !== undefined, {
      message: `${name} must be an IANA time zone, e.g. America/Chicago`,
    });

const cronPattern = (name: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        if (value.split(/\s+/).length !== 5) return false;
        try {
          new Cron(value, { paused: true });
          return true;
        } catch {
          return false;
        }
      },
      { message: `${name} must be a five-field cron pattern, e.g. "0 * * * *" for every hour` },
    );

/** An IP literal or a DNS name: what `server.listen(port, host)` accepts. */
const listenHost = (name: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) =>
        isIP(value) !== 0 ||
        /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(
          value,
        ),
      { message: `${name} must be a host name or IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0` },
    );

/** Slack tokens say what they are in their prefix; a swapped token is the usual set-up mistake. */
const prefixed = (name: string, prefix: string) =>
  z
    .string()
    .trim()
    .refine((value) => value.startsWith(prefix), { message: `${name} must start with ${prefix}` });

/** Slack posts by id: a channel's name ("#approvals") is the usual slip, and fails only on the first submission. */
const channelId = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^[CG][A-Z0-9]{6,}$/, {
      message: `${name} must be a Slack channel id like C0123456789 (channel details → About), not its name`,
    });

const guid = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
      message: `${name} must be a GUID like 00000000-0000-0000-0000-000000000000 (the Azure Bot's Microsoft App ID)`,
    });

/** Teams posts to a conversation by its id: a channel's is "19:…@thread.tacv2" (Get link to channel). */
const teamsConversationId = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^(19|a|8):\S+$/, {
      message: `${name} must be a Teams conversation id like 19:abc…@thread.tacv2 (the channel's link holds it), not its name`,
    });

const nonEmpty = (name: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${name} must not be empty` });

/** An existing file (or a path through one) is the usual slip; a missing directory is created. */
function usableAsDirectory(path: string): boolean {
  if (path.includes("\0")) return false;
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? true;
  } catch {
    return false;
  }
}

const dataDirectory = (name: string, example: string) =>
  z
    .string()
    .trim()
    .refine(usableAsDirectory, {
      message: `${name} must be a directory path (created if missing), e.g. ${example}`,
    })
    .transform((value) => resolve(value));

const blankAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const envSchema = z
  .object({
    /** Everything the embedded setup keeps between runs; relative to the working directory. */
    DATA_DIR: z.preprocess(blankAsUnset, dataDirectory("DATA_DIR", ".data").prefault(".data")),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        message: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
    KIGO_API_URL: z.preprocess(blankAsUnset, httpUrl("KIGO_API_URL").optional()),
    KIGO_API_TOKEN: z.preprocess(blankAsUnset, nonEmpty("KIGO_API_TOKEN").optional()),
    KIGO_API_TIMEOUT_MS: z.preprocess(
      blankAsUnset,
      positiveInt("KIGO_API_TIMEOUT_MS", 10000).default(10_000),
    ),
    KIGO_API_RETRIES: z.preprocess(
      blankAsUnset,
      z.coerce
        .number({ message: "KIGO_API_RETRIES must be a whole number from 0 to 10, e.g. 3" })
        .int({ message: "KIGO_API_RETRIES must be a whole number from 0 to 10, e.g. 3" })
        .min(0, { message: "KIGO_API_RETRIES must be a whole number from 0 to 10, e.g. 3" })
        .max(10, { message: "KIGO_API_RETRIES must be a whole number from 0 to 10, e.g. 3" })
        .default(3),
    ),
    SANDBOX_PORT: z.preprocess(blankAsUnset, port("SANDBOX_PORT", 4010).default(4010)),
    /** Loopback by default: the sandbox token is a well-known default, so the LAN must opt in. */
    SANDBOX_HOST: z.preprocess(blankAsUnset, listenHost("SANDBOX_HOST").default("127.0.0.1")),
    SANDBOX_TOKEN: z.preprocess(blankAsUnset, nonEmpty("SANDBOX_TOKEN").default("sandbox-admin-token")),
    SANDBOX_DATABASE_URL: z.preprocess(blankAsUnset, postgresUrl("SANDBOX_DATABASE_URL").optional()),
    SANDBOX_DATA_DIR: z.preprocess(
      blankAsUnset,
      dataDirectory("SANDBOX_DATA_DIR", ".data/sandbox").optional(),
    ),
    SANDBOX_PROFILE: z.preprocess(
      blankAsUnset,
      z
        .enum(["full", "production"], { message: "SANDBOX_PROFILE must be full or production" })
        .default("full"),
    ),
    REDIS_URL: z.preprocess(blankAsUnset, redisUrl("REDIS_URL").optional()),
    QUEUE_PREFIX: z.preprocess(
      blankAsUnset,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,40}$/, "QUEUE_PREFIX must be 1 to 40 letters, digits, - or _, e.g. kigo")
        .default("kigo"),
    ),
    DRAFT_TTL_DAYS: z.preprocess(blankAsUnset, positiveInt("DRAFT_TTL_DAYS", 30).default(30)),
    DEFAULT_TIME_ZONE: z.preprocess(blankAsUnset, timeZone("DEFAULT_TIME_ZONE").optional()),
    ROLES_FILE: z.preprocess(blankAsUnset, nonEmpty("ROLES_FILE").optional()),
    PROGRAMS_FILE: z.preprocess(blankAsUnset, nonEmpty("PROGRAMS_FILE").optional()),
    BRAND_RULES_FILE: z.preprocess(blankAsUnset, nonEmpty("BRAND_RULES_FILE").optional()),
    BENCHMARKS_FILE: z.preprocess(blankAsUnset, nonEmpty("BENCHMARKS_FILE").optional()),
    /** Unset: audit.log in DATA_DIR. */
    AUDIT_LOG_FILE: z.preprocess(blankAsUnset, nonEmpty("AUDIT_LOG_FILE").optional()),
    /** Set to understand messages with an OpenAI-compatible model; unset, the rule-based extractor runs. */
    OPENAI_API_KEY: z.preprocess(blankAsUnset, nonEmpty("OPENAI_API_KEY").optional()),
    OPENAI_BASE_URL: z.preprocess(
      blankAsUnset,
      httpUrl("OPENAI_BASE_URL", "https://api.openai.com/v1").optional(),
    ),
    OPENAI_MODEL: z.preprocess(blankAsUnset, nonEmpty("OPENAI_MODEL").default("gpt-4o-mini")),
    OPENAI_TIMEOUT_MS: z.preprocess(blankAsUnset, positiveInt("OPENAI_TIMEOUT_MS", 15000).default(15_000)),
    SLACK_BOT_TOKEN: z.preprocess(blankAsUnset, prefixed("SLACK_BOT_TOKEN", "xoxb-").optional()),
    SLACK_SIGNING_SECRET: z.preprocess(blankAsUnset, nonEmpty("SLACK_SIGNING_SECRET").optional()),
    SLACK_APP_TOKEN: z.preprocess(blankAsUnset, prefixed("SLACK_APP_TOKEN", "xapp-").optional()),
    SLACK_API_URL: z.preprocess(blankAsUnset, httpUrl("SLACK_API_URL", "https://slack.com/api/").optional()),
    SLACK_APPROVALS_CHANNEL: z.preprocess(blankAsUnset, channelId("SLACK_APPROVALS_CHANNEL").optional()),
    PORT: z.preprocess(blankAsUnset, port("PORT", 3000).default(3000)),
    TEAMS_APP_ID: z.preprocess(blankAsUnset, guid("TEAMS_APP_ID").optional()),
    TEAMS_APP_PASSWORD: z.preprocess(blankAsUnset, nonEmpty("TEAMS_APP_PASSWORD").optional()),
    TEAMS_TENANT_ID: z.preprocess(blankAsUnset, guid("TEAMS_TENANT_ID").optional()),
    /** Local runs and tests only: accept Teams activities without a Bot Framework token. */
    TEAMS_ALLOW_ANONYMOUS: z.preprocess(
      blankAsUnset,
      z
        .enum(["true", "false"], { message: "TEAMS_ALLOW_ANONYMOUS must be true or false" })
        .default("false")
        .transform((value) => value === "true"),
    ),
    /** The bot's public https origin (where Teams reaches /api/messages): digest charts are served there. */
    PUBLIC_URL: z.preprocess(blankAsUnset, httpUrl("PUBLIC_URL", "https://offers.example.com").optional()),
    TEAMS_APPROVALS_CHANNEL: z.preprocess(
      blankAsUnset,
      teamsConversationId("TEAMS_APPROVALS_CHANNEL").optional(),
    ),
    ALERTS_FILE: z.preprocess(blankAsUnset, nonEmpty("ALERTS_FILE").optional()),
    /** When offers are checked for alerts, in DEFAULT_TIME_ZONE. */
    ALERTS_CRON: z.preprocess(blankAsUnset, cronPattern("ALERTS_CRON").default("0 * * * *")),
    /** false: this process takes no digest jobs (a separate `npm run worker` does). */
    DIGEST_WORKER: z.preprocess(
      blankAsUnset,
      z
        .enum(["true", "false"], { message: "DIGEST_WORKER must be true or false" })
        .default("true")
        .transform((value) => value === "true"),
    ),
    /**
     * false: with REDIS_URL, this bot answers Slack's and Teams' requests and queues the turns they
     * set off, and runs none; bots with TURN_WORKER=true on the same Redis run them.
     */
    TURN_WORKER: z.preprocess(
      blankAsUnset,
      z
        .enum(["true", "false"], { message: "TURN_WORKER must be true or false" })
        .default("true")
        .transform((value) => value === "true"),
    ),
    /** How long a SIGTERM waits for turns in flight and open connections before exiting anyway. */
    SHUTDOWN_TIMEOUT_MS: z.preprocess(
      blankAsUnset,
      positiveInt("SHUTDOWN_TIMEOUT_MS", 10000).default(10_000),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_SIGNING_SECRET"],
        message:
          "SLACK_BOT_TOKEN needs SLACK_SIGNING_SECRET (HTTP mode, events at /slack/events) or SLACK_APP_TOKEN (Socket Mode)",
      });
    }
    if (env.TEAMS_ALLOW_ANONYMOUS && env.TEAMS_APP_ID) {
      ctx.addIssue({
        code: "custom",
        path: ["TEAMS_ALLOW_ANONYMOUS"],
        message:
          "TEAMS_ALLOW_ANONYMOUS=true cannot be used with TEAMS_APP_ID: with an app id every Teams request must carry a valid token",
      });
    }
    if (env.TEAMS_APP_ID && (!env.TEAMS_APP_PASSWORD || !env.TEAMS_TENANT_ID)) {
      ctx.addIssue({
        code: "custom",
        path: [env.TEAMS_APP_PASSWORD ? "TEAMS_TENANT_ID" : "TEAMS_APP_PASSWORD"],
        message:
          "TEAMS_APP_ID needs TEAMS_APP_PASSWORD (a client secret of the app) and TEAMS_TENANT_ID (the single tenant it is registered in)",
      });
    }
    if (!env.TURN_WORKER && !env.REDIS_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["TURN_WORKER"],
        message:
          "TURN_WORKER=false needs REDIS_URL: the turns are queued there for bots with TURN_WORKER=true to run",
      });
    }
    if (env.KIGO_API_URL && !env.KIGO_API_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["KIGO_API_TOKEN"],
        message: "KIGO_API_TOKEN must be set when KIGO_API_URL is set (the Kigo admin Bearer token)",
      });
    }
  });

export type Config = z.infer<typeof envSchema>;

/** Thrown for an unusable environment; its message is safe to print (it never contains a value). */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  // Only our own messages are shown: they name the variable and the expected form, never the value.
  const lines = parsed.error.issues.map((issue) => issue.message);
  throw new ConfigError([...new Set(lines)].join("\n"));
}
