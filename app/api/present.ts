import type { z } from "zod";
import type {
  MeetingDetails,
  MeetingSummary,
  TrajectoryDetails,
  TrajectorySummary,
} from "../../src/domain/programme/index.ts";
import type * as api from "./schemas.ts";

type Workshop = Omit<z.input<typeof api.Workshop>, "url" | "api">;

/** Turns domain rows into the published shapes: slugs instead of database ids, links to the page and to the API. */
export function presenter(origin: string) {
  const page = (path: string) => `${origin}${path}`;
  const apiUrl = (path: string) => `${origin}/api/v1${path}`;

  const meetingSummary = (m: MeetingSummary): z.input<typeof api.MeetingSummary> => ({
    slug: m.slug,
    kind: m.kind,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    allDay: m.allDay,
    region: m.region,
    city: m.city,
    venue: m.venue,
    address: m.address,
    url: page(`/programma/bijeenkomsten/${m.slug}`),
    api: apiUrl(`/meetings/${m.slug}`),
  });

  const trajectorySummary = (t: TrajectorySummary): z.input<typeof api.TrajectorySummary> => ({
    slug: t.slug,
    title: t.title,
    theme: t.theme,
    summary: t.summary,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    durationMonths: t.durationMonths,
    minMunicipalities: t.minMunicipalities,
    maxMunicipalities: t.maxMunicipalities,
    applicationDeadlineOn: t.applicationDeadlineOn,
    url: page(`/programma/trajecten/${t.slug}`),
    api: apiUrl(`/trajectories/${t.slug}`),
  });

  return {
    meetingSummary,
    trajectorySummary,
    meeting: (m: MeetingDetails): z.input<typeof api.Meeting> => ({
      ...meetingSummary(m),
      description: m.description,
      trajectory: m.trajectory?.slug ?? null,
      slots: m.slots.map((s) => ({
        kind: s.kind,
        title: s.title,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        capacity: s.capacity,
        trajectory: s.trajectory?.slug ?? null,
      })),
    }),
    trajectory: (t: TrajectoryDetails): z.input<typeof api.Trajectory> => ({
      ...trajectorySummary(t),
      description: t.description,
      weOffer: t.weOffer,
      weAsk: t.weAsk,
      targetGroups: t.targetGroups,
      contact: { name: t.contactName, email: t.contactEmail, phone: t.contactPhone },
      supervisors: t.supervisors.map(({ name, organisation }) => ({ name, organisation })),
      meetings: t.meetings.map(meetingSummary),
    }),
    workshop: (w: Workshop): z.input<typeof api.Workshop> => ({
      slug: w.slug,
      title: w.title,
      format: w.format,
      themes: w.themes,
      targetGroups: w.targetGroups,
      maxParticipants: w.maxParticipants,
      dayparts: w.dayparts,
      investment: w.investment,
      summary: w.summary,
      description: w.description,
      questions: w.questions,
      url: page(`/programma/workshops/${w.slug}`),
      api: apiUrl(`/workshops/${w.slug}`),
    }),
  };
}
