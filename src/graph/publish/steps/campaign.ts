import type { KigoClient } from "../../../kigo/client.js";
import type { Campaign } from "../../../kigo/schemas.js";
import type { CampaignPlan } from "../to-kigo.js";
import { findOrCreate, keepOldest, orWorkaround, type Step, WORKAROUNDS } from "./context.js";

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The campaign of that name in any active program of the draft's type, else a new one in the
 * oldest such program. undefined when Kigo has no program of that type.
 */
async function campaignFor(client: KigoClient, plan: CampaignPlan): Promise<Campaign | undefined> {
  const programs = (await client.programs.list())
    .filter((program) => program.program_type === plan.programType && program.program_status === "active")
    .sort((a, b) => a.program_id - b.program_id);
  const [home] = programs;
  if (!home) return undefined;
  const programIds = new Set(programs.map((program) => program.program_id));
  const { item } = await findOrCreate(
    async () =>
      keepOldest(
        (await client.listCampaigns()).filter(
          (campaign) => programIds.has(campaign.program_id) && sameName(campaign.campaign_name, plan.name),
        ),
        (campaign) => campaign.campaign_id,
      ),
    () =>
      client.createCampaign({
        program_id: home.program_id,
        campaign_name: plan.name,
        start_date: plan.startDate,
        end_date: plan.endDate,
      }),
  );
  return item;
}

export const linkCampaign: Step = async ({ client, plan, offerId }) => {
  const { campaign: wanted } = plan;
  if (!wanted) return {};
  return orWorkaround(
    async () => {
      const campaign = await campaignFor(client, wanted);
      if (!campaign) return { workarounds: [WORKAROUNDS.noProgram(wanted.programType)] };
      await client.linkOfferToCampaign(campaign.campaign_id, offerId());
      return {
        patch: { campaignId: campaign.campaign_id },
        created: `Campaign link: ${campaign.campaign_name}`,
      };
    },
    (error) =>
      error.capability === "programs"
        ? [WORKAROUNDS.classification, WORKAROUNDS.campaign]
        : [WORKAROUNDS.campaign],
  );
};
