import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import type { ReactNode } from "react";

/**
 * The small, safe text format staff write longer texts in: paragraphs separated by a blank line, a line starting
 * with `## ` as a heading, lines starting with `- ` as a bulleted list, `**bold**`, and links written as
 * `[text](https://…)` or `[text](mailto:…)`. Nothing else has a meaning: HTML, other link schemes (`javascript:`)
 * and stray markers stay plain text, and the text is rendered as React elements, never as HTML.
 */
export type RichBlock =
  | { kind: "heading"; text: Inline[] }
  | { kind: "paragraph"; text: Inline[] }
  | { kind: "list"; items: Inline[][] };

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "bold"; text: string }
  | { kind: "link"; text: string; href: string };

const INLINE = /\*\*([^*\n]+)\*\*|\[([^\]\n]+)\]\(((?:https:\/\/|mailto:)[^\s()]+)\)/g;

function parseInline(line: string): Inline[] {
  const runs: Inline[] = [];
  let at = 0;
  for (const match of line.matchAll(INLINE)) {
    if (match.index > at) runs.push({ kind: "text", text: line.slice(at, match.index) });
    runs.push(
      match[1] !== undefined ? { kind: "bold", text: match[1] } : { kind: "link", text: match[2]!, href: match[3]! },
    );
    at = match.index + match[0].length;
  }
  if (at < line.length) runs.push({ kind: "text", text: line.slice(at) });
  return runs;
}

export function parseRichText(source: string): RichBlock[] {
  const blocks: RichBlock[] = [];
  for (const chunk of source.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    let paragraph: string[] = [];
    let list: Inline[][] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: parseInline(paragraph.join(" ")) });
      if (list.length > 0) blocks.push({ kind: "list", items: list });
      paragraph = [];
      list = [];
    };
    for (const line of lines) {
      if (line.startsWith("## ") && line.length > 3) {
        flush();
        blocks.push({ kind: "heading", text: parseInline(line.slice(3).trim()) });
      } else if (line.startsWith("- ") && line.length > 2) {
        if (paragraph.length > 0) flush();
        list.push(parseInline(line.slice(2).trim()));
      } else {
        if (list.length > 0) flush();
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}

function Runs({ runs }: { runs: Inline[] }): ReactNode {
  return runs.map((run, i) => {
    const key = `${i}-${run.kind}`;
    if (run.kind === "bold") return <strong key={key}>{run.text}</strong>;
    if (run.kind === "link")
      return (
        <a key={key} className="nl-link" href={run.href}>
          {run.text}
        </a>
      );
    return run.text;
  });
}

/** A text in the format above; its headings sit one level below the section heading (`level`) that holds it. */
export function RichText({ source, level, lang }: { source: string; level: 3 | 4; lang?: string | undefined }) {
  return parseRichText(source).map((block, i) => {
    const key = `${i}-${block.kind}`;
    if (block.kind === "heading")
      return (
        <Heading key={key} level={level} lang={lang}>
          <Runs runs={block.text} />
        </Heading>
      );
    if (block.kind === "list")
      return (
        <UnorderedList key={key} lang={lang}>
          {block.items.map((item, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the items are a fixed text, never reordered
            <UnorderedListItem key={j}>
              <Runs runs={item} />
            </UnorderedListItem>
          ))}
        </UnorderedList>
      );
    return (
      <Paragraph key={key} lang={lang}>
        <Runs runs={block.text} />
      </Paragraph>
    );
  });
}
