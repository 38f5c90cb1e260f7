import { type DestinationStream, type LevelWithSilent, type Logger, pino } from "pino";
import { currentTurn } from "./core/turns.js";

/**
 * Fields whose values never reach a log, however deep they sit (the Teams SDK's error carries its
 * request's headers four levels down, at err.response.config.headers): credentials, and customer lists, which hold customers'
 * emails, phone numbers and account ids.
 */
const SECRET_FIELDS = [
  "token",
  "botToken",
  "appToken",
  "accessToken",
  "access_token",
  "refresh_token",
  "secret",
  "signingSecret",
  "clientSecret",
  "client_secret",
  "password",
  "appPassword",
  "apiKey",
  "api_key",
  "authorization",
  "Authorization",
  "cookie",
  "OPENAI_API_KEY",
  "KIGO_API_TOKEN",
  "SANDBOX_TOKEN",
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_SIGNING_SECRET",
  "TEAMS_APP_PASSWORD",
  "REDIS_URL",
  "customers",
  "customerList",
];
const DEPTHS = ["", "*.", "*.*.", "*.*.*.", "*.*.*.*."];
const REDACTED_PATHS = DEPTHS.flatMap((depth) => SECRET_FIELDS.map((field) => depth + field));

/**
 * The process's logger: JSON lines (to stderr unless told), each line written during a turn
 * tagged with the turn's correlation id (`turn`), wherever in the code it is written.
 */
export function createLogger(
  options: { name: string; level: LevelWithSilent },
  destination: DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      name: options.name,
      level: options.level,
      mixin: () => {
        const turn = currentTurn();
        return turn ? { turn: turn.id } : {};
      },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    destination,
  );
}
