import { Link } from "react-router";

export type ActionLink = { to: string; label: string; document?: boolean };

/**
 * What a visitor can do from a page (vote, change a ballot, submit a plan, download a card), as a list of links on
 * lines of their own with room around them. Before, each page had a bare `<ul>` whose bullets and tight spacing made
 * the page's main action look like a footnote, and that let the next heading sit on its last line. A link to a file
 * is a `document` link: the browser fetches it, not the router.
 */
export function ActionLinks({ links }: { links: readonly (ActionLink | false | undefined)[] }) {
  const shown = links.filter((link): link is ActionLink => Boolean(link));
  if (shown.length === 0) return null;
  return (
    <ul className="utrecht-link-list utrecht-link-list--html-ul samenspel-action-links">
      {shown.map((link) => (
        <li key={link.to} className="utrecht-link-list__item">
          {link.document ? (
            <a className="nl-link" href={link.to}>
              {link.label}
            </a>
          ) : (
            <Link className="nl-link" to={link.to}>
              {link.label}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
