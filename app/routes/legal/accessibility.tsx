import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { type Section, StatementPage } from "../../components/statement-page.tsx";

export const handle = breadcrumbs<unknown>((_data, t) => [
  { label: t("accessibility.title"), to: "/toegankelijkheid" },
]);

const sections: Section[] = [
  { id: "doel", title: "accessibility.target.title", paragraphs: ["accessibility.target.body"] },
  {
    id: "testen",
    title: "accessibility.testing.title",
    paragraphs: ["accessibility.testing.axe", "accessibility.testing.noJs", "accessibility.testing.keyboard"],
  },
  {
    id: "beperkingen",
    title: "accessibility.limitations.title",
    paragraphs: ["accessibility.limitations.dutch", "accessibility.limitations.audit"],
  },
  { id: "contact", title: "accessibility.contact.title", paragraphs: ["accessibility.contact.body"] },
];

/** No data, but a loader all the same: breadcrumbs are built only for routes that have loader data. */
export function loader() {
  return {};
}

export default function Accessibility() {
  return <StatementPage title="accessibility.title" intro="accessibility.intro" sections={sections} />;
}
