import {
  FormFieldTextarea,
  FormFieldTextbox,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from "@utrecht/component-library-react";
import { Form, Link } from "react-router";
import { signUpLimits } from "../forms/participation-limits.ts";
import type { MessageKey } from "../i18n/catalogue.ts";
import { useT } from "../i18n/use-translation.ts";
import { useLengthLimit } from "./form-fields.tsx";

export type TrackState = {
  slotId: string;
  title: string;
  capacity: number | null;
  registered: number;
  /** The visitor's own active registration in this track. */
  mine: { id: string; status: "registered" | "wait-listed"; waitListPosition: number | undefined } | undefined;
};

export type SignUpFieldErrors = { organisation?: string[]; input?: string[] };

/** Places left, the visitor's status, and the form to sign up or to cancel; shown under each track. */
export function TrackSignUp({
  meetingSlug,
  track,
  signInUrl,
  closed,
  outside,
  errors,
  values,
}: {
  meetingSlug: string;
  track: TrackState;
  /** Set when nobody is signed in. */
  signInUrl: string | undefined;
  closed: boolean;
  /** Signed in but outside the meeting's audience: no form and no places (the page says why above). */
  outside: boolean;
  errors?: SignUpFieldErrors;
  values?: { organisation?: string; input?: string };
}) {
  const t = useT();
  const text = (keys: string[] | undefined) => keys?.map((key) => t(key as MessageKey)).join(" ") || undefined;
  const left = track.capacity === null ? undefined : Math.max(track.capacity - track.registered, 0);
  const base = `/programma/bijeenkomsten/${meetingSlug}`;
  const id = (field: string) => `${field}-${track.slotId}`;
  const limits = signUpLimits;
  const organisationLimit = useLengthLimit({ maxLength: limits.organisation?.maxLength });
  const inputLimit = useLengthLimit({ maxLength: limits.input?.maxLength });
  // Outside the audience: nothing to sign up for here, not even the places left (the page says why above).
  if (outside && !track.mine) return null;
  return (
    <div className="samenspel-track-sign-up">
      <Paragraph>
        {left === undefined
          ? t("participation.signUp.open")
          : left === 0
            ? t("participation.signUp.full")
            : left === 1
              ? t("participation.signUp.placesLeftOne")
              : t("participation.signUp.placesLeft", { count: left })}
      </Paragraph>
      {track.mine ? (
        <>
          <Paragraph>
            <strong>
              {track.mine.status === "registered"
                ? t("participation.status.registered")
                : t("participation.status.waitListed", { position: track.mine.waitListPosition ?? 1 })}
            </strong>
          </Paragraph>
          <Form method="post" action={`${base}/afmelden`}>
            <input type="hidden" name="registrationId" value={track.mine.id} />
            <SecondaryActionButton type="submit">
              {t("participation.withdraw.submit", { track: track.title })}
            </SecondaryActionButton>
          </Form>
        </>
      ) : closed ? (
        <Paragraph>{t("participation.signUp.closed")}</Paragraph>
      ) : signInUrl ? (
        <Paragraph>
          <Link className="nl-link" to={signInUrl}>
            {t("participation.signUp.signIn")}
          </Link>
        </Paragraph>
      ) : (
        <Form method="post" action={`${base}/aanmelden`} noValidate>
          <input type="hidden" name="slotId" value={track.slotId} />
          <FormFieldTextbox
            id={id("organisation")}
            name="organisation"
            label={t("participation.signUp.organisation")}
            autoComplete="organization"
            required
            defaultValue={values?.organisation}
            invalid={Boolean(errors?.organisation?.length)}
            errorMessage={text(errors?.organisation)}
            {...organisationLimit}
          />
          <FormFieldTextarea
            id={id("input")}
            name="input"
            label={t("participation.signUp.input")}
            description={t("participation.signUp.inputDescription")}
            rows={3}
            defaultValue={values?.input}
            invalid={Boolean(errors?.input?.length)}
            errorMessage={text(errors?.input)}
            {...inputLimit}
          />
          <PrimaryActionButton type="submit">
            {t("participation.signUp.submit", { track: track.title })}
          </PrimaryActionButton>
        </Form>
      )}
    </div>
  );
}
