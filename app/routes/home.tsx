import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { listMeetings, listTrajectories } from "../../src/domain/programme/index.ts";
import { listMunicipalities } from "../../src/domain/tenancy/index.ts";
import { PageShell } from "../components/page-shell.tsx";
import { MeetingList, TrajectoryList } from "../components/programme-lists.tsx";
import { useT } from "../i18n/use-translation.ts";
import { services } from "../server/context.ts";
import { readProgramme } from "../server/programme.server.ts";
import type { Route } from "./+types/home";

export async function loader({ context }: Route.LoaderArgs) {
  const now = new Date();
  const [municipalities, programme] = await Promise.all([
    listMunicipalities(services(context).db),
    readProgramme(context, async (tx, tenantId) => ({
      trajectories: await listTrajectories(tx, { tenantId }),
      upcoming: await listMeetings(tx, { tenantId, endingFrom: now, limit: 5 }),
    })),
  ]);
  return { municipalities, trajectories: programme?.trajectories ?? [], upcoming: programme?.upcoming ?? [] };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { municipalities, trajectories, upcoming } = loaderData;
  return (
    <PageShell title={t("site.name")}>
      <Heading level={1}>{t("home.title")}</Heading>
      <Paragraph purpose="lead">{t("home.intro")}</Paragraph>

      <section aria-labelledby="wat-is-samenspel">
        <Heading level={2} id="wat-is-samenspel">
          {t("home.what.title")}
        </Heading>
        <Paragraph>{t("home.what.body")}</Paragraph>
        <Paragraph>{t("home.what.openSource")}</Paragraph>
      </section>

      <section aria-labelledby="aanbod">
        <Heading level={2} id="aanbod">
          {t("home.offer.title")}
        </Heading>
        <Paragraph>{t("home.offer.intro")}</Paragraph>
        {trajectories.length === 0 ? (
          <Paragraph>{t("home.offer.empty")}</Paragraph>
        ) : (
          <>
            <TrajectoryList trajectories={trajectories} level={3} />
            <Paragraph>
              <Link className="nl-link" to="/programma">
                {t("home.offer.all")}
              </Link>
            </Paragraph>
          </>
        )}
      </section>

      <section aria-labelledby="bijeenkomsten">
        <Heading level={2} id="bijeenkomsten">
          {t("home.meetings.title")}
        </Heading>
        {upcoming.length === 0 ? <Paragraph>{t("home.meetings.none")}</Paragraph> : <MeetingList meetings={upcoming} />}
      </section>

      <section aria-labelledby="gemeenten">
        <Heading level={2} id="gemeenten">
          {t("home.municipalities.title")}
        </Heading>
        {municipalities.length === 0 ? (
          <Paragraph>{t("home.municipalities.empty")}</Paragraph>
        ) : (
          <ul className="utrecht-link-list utrecht-link-list--html-ul">
            {municipalities.map((m) => (
              <li key={m.id} className="utrecht-link-list__item">
                <Link className="nl-link" to={`/${m.slug}`}>
                  {m.name}
                </Link>
                {m.province && ` (${m.province})`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </PageShell>
  );
}
