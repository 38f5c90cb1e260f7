import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessPolicy } from "../../../src/core/access.js";
import type { FakeSlackCall } from "../../fakes/slack/server.js";
import { RESPONSE_URL } from "../../fakes/slack/server.js";
import { slashCommand } from "../../fakes/slack/signed.js";
import { SEED_MESSAGE } from "../../support/seed.js";
import { type SlackHarness, startSlackHarness, waitUntil } from "../support.js";

/** First run in Slack: a newcomer is told their id and what an admin does; an admin does it in Slack. */

const ADMIN = "UADMIN1";
const NEWCOMER = "UNEW1";

let h: SlackHarness;
let rolesFile: string;

beforeAll(async () => {
  rolesFile = join(process.env.TMPDIR ?? "/tmp", `roles-${process.pid}-${Date.now()}.json`);
  writeFileSync(
    rolesFile,
    JSON.stringify({ unknownUsers: [], users: { [ADMIN]: { roles: ["admin"], merchants: [] } } }),
  );
  h = await startSlackHarness({ env: { ROLES_FILE: rolesFile } });
});

afterAll(async () => {
  await h.close();
});

const bodyOf = (call: FakeSlackCall) => JSON.stringify(call.body);

/** The command's answer: what came back on its own response_url. */
async function offers(user: string, text: string): Promise<string> {
  const url = h.fake.responseUrl();
  const before = h.fake.callsTo(RESPONSE_URL).length;
  await h.send(slashCommand({ user, channel: "CMARKETING", command: "/offers", text, response_url: url }));
  await waitUntil(() => h.fake.callsTo(RESPONSE_URL).length > before);
  return bodyOf(h.fake.callsTo(RESPONSE_URL)[before] as FakeSlackCall);
}

describe("roles in Slack", () => {
  it("tells a newcomer their id and the admin's command, and an admin grants and revokes it there", async () => {
    await h.dm(NEWCOMER, SEED_MESSAGE);
    const refusal = await h.fake.waitFor(
      "chat.postMessage",
      (call) => /editor role/.test(bodyOf(call)),
      10_000,
    );
    expect(bodyOf(refusal)).toContain(`Your user id is ${NEWCOMER}`);
    expect(bodyOf(refusal)).toContain(`/offers roles grant ${NEWCOMER} editor`);

    expect(await offers(NEWCOMER, `roles grant ${NEWCOMER} editor`)).toMatch(/need the admin role/);

    const granted = await offers(ADMIN, `roles grant <@${NEWCOMER}|new> viewer,editor merchant:1`);
    expect(granted).toContain(`Roles of ${NEWCOMER} now: viewer, editor (merchants 1)`);
    expect(await offers(ADMIN, "roles")).toContain(`${NEWCOMER}: viewer, editor (merchants 1)`);

    await h.dm(NEWCOMER, SEED_MESSAGE.replace("DEALER20", "NEWBIE20"));
    await h.fake.waitFor("chat.postMessage", (call) => bodyOf(call).includes("NEWBIE20"), 10_000);

    // Kept with the other shared state: a bot started again on it still knows.
    const restarted = AccessPolicy.load(rolesFile);
    restarted.useStore(h.app.kv);
    await restarted.refresh();
    expect(restarted.of(NEWCOMER).roles).toEqual(["viewer", "editor"]);

    expect(await offers(ADMIN, `roles revoke ${NEWCOMER} editor`)).toContain(
      `Roles of ${NEWCOMER} now: viewer`,
    );
    const audit = readFileSync(join(h.app.dir, "audit.log"), "utf8");
    expect(audit).toContain(`"who":"${ADMIN}","action":"roles"`);
    expect(audit).toContain(`revoked editor for ${NEWCOMER}`);
  });
});
