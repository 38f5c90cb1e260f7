import { programInput, updateProgramInput } from "../../schemas.js";
import { createHandler, getHandler, listHandler, type References, updateHandler } from "./crud.js";
import { CAMPAIGN, getEntity, listEntities, PARTNER, PROGRAM } from "./entities.js";
import { idParam, ok, route } from "./kit.js";

const PARTNER_REFERENCE: References = [{ field: "partner_id", target: PARTNER }];

export const programRoutes = [
  route("GET", "/dashboard/programs", listHandler(PROGRAM, "programs")),
  route("POST", "/dashboard/programs", createHandler(PROGRAM, programInput, PARTNER_REFERENCE)),
  route("GET", "/dashboard/programs/:id", getHandler(PROGRAM)),
  route("PUT", "/dashboard/programs/:id", updateHandler(PROGRAM, updateProgramInput, PARTNER_REFERENCE)),
  route("GET", "/dashboard/programs/:id/campaigns", async (c, { db }) => {
    const program = await getEntity(db, PROGRAM, idParam(c, PROGRAM));
    return ok({ campaigns: await listEntities(db, CAMPAIGN, { program_id: program.program_id }) });
  }),
];
