import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("config", () => {
  it("starts with embedded defaults on an empty environment", () => {
    const config = loadConfig({});
    expect(config.KIGO_API_URL).toBeUndefined();
    expect(config.SANDBOX_PROFILE).toBe("full");
    expect(config.SANDBOX_PORT).toBe(4010);
    expect(config.KIGO_API_TIMEOUT_MS).toBe(10_000);
  });

  it("keeps data in .data/ under the working directory unless DATA_DIR says otherwise", () => {
    expect(loadConfig({}).DATA_DIR).toBe(resolve(".data"));
    expect(loadConfig({ DATA_DIR: " " }).DATA_DIR).toBe(resolve(".data"));
    expect(loadConfig({ DATA_DIR: "/var/lib/kigo" }).DATA_DIR).toBe("/var/lib/kigo");
    expect(loadConfig({}).SANDBOX_DATA_DIR).toBeUndefined();
    expect(loadConfig({}).AUDIT_LOG_FILE).toBeUndefined();
  });

  it("refuses a DATA_DIR that is a file, in one line", () => {
    const file = join(mkdtempSync(join(tmpdir(), "kigo-config-")), "not-a-dir");
    writeFileSync(file, "");
    for (const value of [file, join(file, "below")]) {
      expect(errorOf({ DATA_DIR: value })).toBe(
        "DATA_DIR must be a directory path (created if missing), e.g. .data",
      );
    }
  });

  it("treats blank values as unset", () => {
    expect(loadConfig({ KIGO_API_URL: " ", SANDBOX_PORT: "" }).SANDBOX_PORT).toBe(4010);
  });

  it("names the variable and the expected form for a bad URL", () => {
    expect(errorOf({ KIGO_API_URL: "ftp://kigo", KIGO_API_TOKEN: "t" })).toBe(
      "KIGO_API_URL must be an http(s) URL, e.g. https://api.kigo.io",
    );
  });

  it("requires the token with a real API URL", () => {
    expect(errorOf({ KIGO_API_URL: "https://api.kigo.io" })).toMatch(/^KIGO_API_TOKEN must be set/);
  });

  it("lets a bot only answer requests and queue their turns, given the Redis they are queued in", () => {
    expect(loadConfig({}).TURN_WORKER).toBe(true);
    expect(loadConfig({ TURN_WORKER: "false", REDIS_URL: "redis://127.0.0.1:6379" }).TURN_WORKER).toBe(false);
    expect(errorOf({ TURN_WORKER: "false" })).toMatch(/^TURN_WORKER=false needs REDIS_URL/);
    expect(errorOf({ TURN_WORKER: "no", REDIS_URL: "redis://127.0.0.1:6379" })).toBe(
      "TURN_WORKER must be true or false",
    );
  });

  it("reports every bad variable on its own line", () => {
    const message = errorOf({ SANDBOX_PORT: "70000", SANDBOX_PROFILE: "staging", KIGO_API_RETRIES: "x" });
    expect(message.split("\n").sort()).toEqual([
      "KIGO_API_RETRIES must be a whole number from 0 to 10, e.g. 3",
      "SANDBOX_PORT must be a TCP port between 0 and 65535, e.g. 4010",
      "SANDBOX_PROFILE must be full or production",
    ]);
  });

  it("never prints a secret value", () => {
    const secret = "postgres-not-a-url-s3cr3t";
    const message = errorOf({ SANDBOX_DATABASE_URL: secret, KIGO_API_URL: "nope-s3cr3t" });
    expect(message).not.toContain("s3cr3t");
    expect(message).toContain("SANDBOX_DATABASE_URL must be a postgres:// URL");
  });
});
