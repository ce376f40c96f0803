import { Heading1 } from "@utrecht/component-library-react";
import { data, redirect, useSearchParams } from "react-router";
import { getMeeting, signUpForTrack } from "../../../src/domain/programme/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { AudienceNote } from "../../components/meeting-sign-up.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { TrackSignUp } from "../../components/track-sign-up.tsx";
import { signUpForm } from "../../forms/participation.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { inProgramme, meetingLink, trackStates } from "../../server/participation.server.ts";
import { readProgramme } from "../../server/programme.server.ts";
import { programmeErrors } from "../../server/programme-errors.server.ts";
import { requireActor } from "../../server/session.server.ts";
import type { Route } from "./+types/sign-up";

/** The sign-up form of one track on a page of its own: where a refused or incomplete sign-up comes back to. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  await requireActor(request, context);
  const meeting = await readProgramme(context, (tx, tenantId) => getMeeting(tx, { tenantId, slug: params.slug }));
  if (!meeting) notFound();
  return { meeting: { slug: meeting.slug, title: meeting.title }, ...(await trackStates(request, context, meeting)) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = await requireActor(request, context);
  const submission = await parseForm(request, signUpForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const { slotId, organisation, input } = submission.value;
  try {
    const outcome = await inProgramme(context, actor.personId, async (tx, tenantId) => {
      const meeting = await getMeeting(tx, { tenantId, slug: params.slug });
      if (!meeting) notFound();
      if (!meeting.slots.some((slot) => slot.id === slotId)) return undefined;
      return signUpForTrack(tx, {
        tenantId,
        slotId,
        personId: actor.personId,
        answers: { organisation, ...(input ? { input } : {}) },
        meetingLink: meetingLink(context),
        now: new Date(),
      });
    });
    if (!outcome) return data({ result: submission.reply({ formErrors: ["participation.error.slotNotFound"] }) }, 404);
    const melding = outcome.registration.status === "registered" ? "aangemeld" : "wachtlijst";
    return redirect(`/programma/bijeenkomsten/${params.slug}?melding=${melding}#aanmelden`);
  } catch (error) {
    return replyWithDomainError(error, submission, programmeErrors);
  }
}

export default function SignUp({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [search] = useSearchParams();
  const result = actionData?.result;
  const slotId = (result?.initialValue?.slotId as string | undefined) ?? search.get("onderdeel");
  const track = loaderData.tracks.find((candidate) => candidate.slotId === slotId) ?? loaderData.tracks[0];
  if (!track) return null;
  const fieldErrors = (name: string) => result?.error?.[name] ?? undefined;
  const formErrors = fieldErrors("");
  const initial = result?.initialValue as { organisation?: string; input?: string } | undefined;
  const title = t("participation.signUp.pageTitle", { track: track.title });
  return (
    <PageShell title={title}>
      <Heading1>{title}</Heading1>
      <Notice type="error" message={formErrors?.map((key) => t(key as MessageKey)).join(" ")} />
      {(fieldErrors("organisation") || fieldErrors("input")) && (
        <Notice type="error" message={t("form.errorSummary")} />
      )}
      {!loaderData.closed && <AudienceNote audience={loaderData.audience} outside={loaderData.outsideAudience} />}
      <TrackSignUp
        meetingSlug={loaderData.meeting.slug}
        track={track}
        signInUrl={loaderData.signInUrl}
        closed={loaderData.closed}
        outside={loaderData.outsideAudience}
        errors={{ organisation: fieldErrors("organisation"), input: fieldErrors("input") }}
        values={initial}
      />
    </PageShell>
  );
}
