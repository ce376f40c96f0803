import { redirect } from "react-router";
import { withdrawFromTrack } from "../../../src/domain/programme/index.ts";
import { isDomainError } from "../../../src/domain/shared/index.ts";
import { withdrawForm } from "../../forms/participation.ts";
import { parseFormData, readForm } from "../../server/forms.server.ts";
import { inProgramme, meetingLink } from "../../server/participation.server.ts";
import { safeReturnPath } from "../../server/return-path.server.ts";
import { requireActor } from "../../server/session.server.ts";
import type { Route } from "./+types/withdraw";

/** "Afmelden": a participant gives up their place; the first person waiting gets it and a mail. */
export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = await requireActor(request, context);
  const formData = await readForm(request);
  const back = safeReturnPath(formData.get("terug")?.toString(), `/programma/bijeenkomsten/${params.slug}`);
  const submission = parseFormData(formData, withdrawForm);
  const to = (melding: string) => redirect(`${back}${back.includes("?") ? "&" : "?"}melding=${melding}`);
  if (submission.status !== "success") return to("afmelden-mislukt");
  try {
    await inProgramme(context, actor.personId, (tx, tenantId) =>
      withdrawFromTrack(tx, {
        tenantId,
        registrationId: submission.value.registrationId,
        personId: actor.personId,
        meetingLink: meetingLink(context),
        now: new Date(),
      }),
    );
    return to("afgemeld");
  } catch (error) {
    if (isDomainError(error)) return to("afmelden-mislukt");
    throw error;
  }
}

export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/programma/bijeenkomsten/${params.slug}`);
}
