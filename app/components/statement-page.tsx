import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { Link } from "react-router";
import type { MessageKey } from "../i18n/catalogue.ts";
import { useT } from "../i18n/use-translation.ts";
import { PageShell } from "./page-shell.tsx";

export type Section = {
  id: string;
  title: MessageKey;
  paragraphs?: MessageKey[];
  list?: MessageKey[];
  link?: { to: string; label: MessageKey };
};

/** A statement (accessibility, privacy) written entirely in the catalogue: a lead and headed sections. */
export function StatementPage({
  title,
  intro,
  sections,
}: {
  title: MessageKey;
  intro: MessageKey;
  sections: Section[];
}) {
  const t = useT();
  return (
    <PageShell title={t(title)}>
      <Heading level={1}>{t(title)}</Heading>
      <Paragraph purpose="lead">{t(intro)}</Paragraph>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <Heading level={2} id={section.id}>
            {t(section.title)}
          </Heading>
          {section.paragraphs?.map((key) => (
            <Paragraph key={key}>{t(key)}</Paragraph>
          ))}
          {section.list && (
            <UnorderedList>
              {section.list.map((key) => (
                <UnorderedListItem key={key}>{t(key)}</UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          {section.link && (
            <Paragraph>
              <Link className="nl-link" to={section.link.to}>
                {t(section.link.label)}
              </Link>
            </Paragraph>
          )}
        </section>
      ))}
    </PageShell>
  );
}
