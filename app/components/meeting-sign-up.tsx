import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import type { MessageKey } from "../i18n/catalogue.ts";
import { formatList, formatTimeRange } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-translation.ts";
import { Notice } from "./choice-fields.tsx";
import { useNoticeEntry } from "./page-forms.ts";
import { TrackSignUp, type TrackState } from "./track-sign-up.tsx";

const notices = {
  aangemeld: ["ok", "participation.notice.registered"],
  wachtlijst: ["info", "participation.notice.waitListed"],
  afgemeld: ["ok", "participation.notice.withdrawn"],
  "afmelden-mislukt": ["error", "participation.notice.withdrawFailed"],
} as const satisfies Record<string, readonly ["ok" | "info" | "error", MessageKey]>;

/** Who may sign up for a meeting (ADR 0033), the invited municipalities by name. */
export type AudienceView = { audience: "open" | "municipal" | "invited"; invited: string[] };

/**
 * Who may sign up, in one sentence; and to a signed-in visitor outside that audience, why they cannot, before any
 * form (the forms are then left out).
 */
export function AudienceNote({ audience, outside }: { audience: AudienceView; outside: boolean }) {
  const t = useT();
  const municipalities = formatList(useLocale(), audience.invited);
  return (
    <>
      <Paragraph>
        {audience.audience === "invited"
          ? t("participation.audience.invited", { municipalities })
          : t(`participation.audience.${audience.audience}`)}
      </Paragraph>
      {outside && (
        <Notice
          type="info"
          message={
            audience.audience === "invited"
              ? t("participation.audience.outsideInvited", { municipalities })
              : t("participation.audience.outsideMunicipal")
          }
        />
      )}
    </>
  );
}

/** The "Aanmelden" section of a meeting page: who may sign up, and one sign-up form per track of its programme. */
export function MeetingSignUp({
  meetingSlug,
  slots,
  tracks,
  closed,
  signInUrl,
  audience,
  outsideAudience,
}: {
  meetingSlug: string;
  slots: ReadonlyArray<{ id: string; startsAt: Date; endsAt: Date }>;
  tracks: TrackState[];
  closed: boolean;
  signInUrl: string | undefined;
  audience: AudienceView;
  outsideAudience: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const notice = useNoticeEntry(notices);
  if (tracks.length === 0) return null;
  return (
    <section aria-labelledby="aanmelden">
      <Heading level={2} id="aanmelden">
        {t("participation.signUp.title")}
      </Heading>
      {notice && <Notice type={notice[0]} message={t(notice[1])} />}
      {!closed && <AudienceNote audience={audience} outside={outsideAudience} />}
      {!outsideAudience && <Paragraph>{t("participation.signUp.intro")}</Paragraph>}
      {(outsideAudience ? tracks.filter((track) => track.mine) : tracks).map((track) => {
        const slot = slots.find((candidate) => candidate.id === track.slotId);
        return (
          <article key={track.slotId} aria-labelledby={`onderdeel-${track.slotId}`}>
            <Heading level={3} id={`onderdeel-${track.slotId}`}>
              {track.title}
              {slot && ` (${formatTimeRange(locale, slot.startsAt, slot.endsAt)})`}
            </Heading>
            <TrackSignUp
              meetingSlug={meetingSlug}
              track={track}
              signInUrl={signInUrl}
              closed={closed}
              outside={outsideAudience}
            />
          </article>
        );
      })}
    </section>
  );
}
