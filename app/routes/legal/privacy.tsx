import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { type Section, StatementPage } from "../../components/statement-page.tsx";

export const handle = breadcrumbs<unknown>((_data, t) => [{ label: t("privacy.title"), to: "/privacy" }]);

const sections: Section[] = [
  {
    id: "gegevens",
    title: "privacy.what.title",
    list: [
      "privacy.what.email",
      "privacy.what.name",
      "privacy.what.roles",
      "privacy.what.sessions",
      "privacy.what.audit",
      "privacy.what.language",
    ],
  },
  { id: "waarom", title: "privacy.why.title", paragraphs: ["privacy.why.body"] },
  { id: "bewaren", title: "privacy.retention.title", paragraphs: ["privacy.retention.body"] },
  {
    id: "rechten",
    title: "privacy.rights.title",
    paragraphs: ["privacy.rights.body"],
    link: { to: "/account", label: "privacy.account" },
  },
];

/** No data, but a loader all the same: breadcrumbs are built only for routes that have loader data. */
export function loader() {
  return {};
}

export default function Privacy() {
  return <StatementPage title="privacy.title" intro="privacy.intro" sections={sections} />;
}
