import type { KigoClient } from "../../kigo/client.js";
import { KigoApiError, KigoUnsupportedError } from "../../kigo/errors.js";
import type { Merchant } from "../../kigo/schemas.js";
import type { AccessPolicy, UserAccess } from "../access.js";
import type { DigestScope } from "./figures.js";

/** What a digest covers as typed: a merchant or a Kigo program, by name or id; neither means all the user may see. */
export interface ScopeWords {
  merchant?: string;
  program?: string;
}

export type ScopeResult = { ok: true; scope: DigestScope } | { ok: false; error: string };

const plain = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * The scope a user asked for, checked against their role: a merchant they do not cover, or all
 * offers (or a program, which spans merchants) for a role limited to some merchants, is refused
 * with what they may ask for instead.
 */
export async function resolveScope(
  deps: { client: KigoClient; access: AccessPolicy },
  user: UserAccess,
  words: ScopeWords,
): Promise<ScopeResult> {
  if (words.merchant) {
    const found = await findMerchant(deps.client, words.merchant, user.merchantIds);
    if (!found.ok) return found;
    const refusal = deps.access.refusal(user, "viewer", found.merchant.merchant_id);
    if (refusal) return { ok: false, error: refusal };
    return {
      ok: true,
      scope: { label: found.merchant.merchant_name, merchantIds: [found.merchant.merchant_id] },
    };
  }
  const limited = user.merchantIds.length > 0;
  if (words.program) {
    if (limited)
      return {
        ok: false,
        error: `A program's digest spans merchants your role does not cover: use merchant:<name> for one of merchants ${user.merchantIds.join(", ")}.`,
      };
    return findProgram(deps.client, words.program);
  }
  if (!limited) return { ok: true, scope: { label: "all offers", merchantIds: [] } };
  const names = await Promise.all(
    user.merchantIds.map((id) =>
      deps.client
        .getMerchant(id)
        .then((merchant) => merchant.merchant_name)
        .catch(() => `merchant #${id}`),
    ),
  );
  return { ok: true, scope: { label: names.join(", "), merchantIds: user.merchantIds } };
}

async function findMerchant(
  client: KigoClient,
  typed: string,
  covered: number[],
): Promise<{ ok: true; merchant: Merchant } | { ok: false; error: string }> {
  const id = Number(typed.replace(/^#/, ""));
  if (Number.isInteger(id) && id > 0) {
    try {
      return { ok: true, merchant: await client.getMerchant(id) };
    } catch (error) {
      if (error instanceof KigoApiError && error.status === 404)
        return {
          ok: false,
          error: `There is no merchant #${id}. Use its name or id, e.g. merchant:Heartland.`,
        };
      throw error;
    }
  }
  const found = (await client.listMerchants({ merchant_name: typed, limit: 20 })).items;
  const mine =
    covered.length > 0 ? found.filter((merchant) => covered.includes(merchant.merchant_id)) : found;
  const candidates = mine.length > 0 ? mine : found;
  const picked = pickOne(candidates, typed, "merchant", (merchant) => [
    merchant.merchant_id,
    merchant.merchant_name,
  ]);
  return picked.ok ? { ok: true, merchant: picked.item } : picked;
}

/**
 * The one candidate a typed name means: the only exact name, else the only match. None or several
 * are said with what to type instead (`kind:<id>`).
 */
function pickOne<T>(
  candidates: T[],
  typed: string,
  kind: "merchant" | "program",
  idAndName: (item: T) => [number, string],
): { ok: true; item: T } | { ok: false; error: string } {
  const exact = candidates.filter((item) => plain(idAndName(item)[1]) === plain(typed));
  const [only] = exact.length === 1 ? exact : candidates.length === 1 ? candidates : [];
  if (only) return { ok: true, item: only };
  if (candidates.length === 0)
    return {
      ok: false,
      error: `I couldn't find a ${kind} called "${typed}". Check the name, or use ${kind}:<id>.`,
    };
  const named = candidates
    .slice(0, 5)
    .map((item) => `${idAndName(item)[1]} (${kind}:${idAndName(item)[0]})`)
    .join(", ");
  return { ok: false, error: `"${typed}" matches ${named}: say which with ${kind}:<id>.` };
}

/** Programs group offers through their campaigns; production has no programs endpoint yet, and the reply says so. */
async function findProgram(client: KigoClient, typed: string): Promise<ScopeResult> {
  try {
    const programs = await client.programs.list();
    const id = Number(typed.replace(/^#/, ""));
    const matching = programs.filter(
      (program) => program.program_id === id || plain(program.program_name).includes(plain(typed)),
    );
    const picked = pickOne(matching, typed, "program", (program) => [
      program.program_id,
      program.program_name,
    ]);
    if (!picked.ok) return picked;
    return {
      ok: true,
      scope: { label: picked.item.program_name, merchantIds: [], programId: picked.item.program_id },
    };
  } catch (error) {
    if (error instanceof KigoUnsupportedError)
      return {
        ok: false,
        error:
          "This Kigo API has no programs endpoint yet, so a digest can't follow a program: use merchant:<name> instead.",
      };
    throw error;
  }
}
