import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { useT } from "../i18n/use-translation.ts";

/** The link back from a round, an advice request or a fund to the processes it is a moment of influence in. */
export function PartOfProcesses({
  gemeente,
  processes,
}: {
  gemeente: string;
  processes: readonly { slug: string; title: string; moment: string }[];
}) {
  const t = useT();
  return processes.map((process) => (
    <Paragraph key={`${process.slug}-${process.moment}`}>
      {t("processes.linked.partOf", { moment: process.moment })}{" "}
      <Link className="nl-link" to={`/${gemeente}/processen/${process.slug}`}>
        {process.title}
      </Link>
    </Paragraph>
  ));
}
