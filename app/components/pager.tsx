import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { useT } from "../i18n/use-translation.ts";

/** The page (from 1) a list is asked for with `?pagina=`; anything else is the first. */
export function requestedPage(request: Request): number {
  const asked = Number(new URL(request.url).searchParams.get("pagina") ?? "1");
  return Number.isSafeInteger(asked) && asked >= 1 ? asked : 1;
}

/**
 * The way through a list shown a page at a time: which page this is, and plain links to the previous and the next
 * (they work without JavaScript). Nothing when the list fits on one page.
 */
export function Pager({ label, path, page, hasMore }: { label: string; path: string; page: number; hasMore: boolean }) {
  const t = useT();
  if (page === 1 && !hasMore) return null;
  return (
    <nav aria-label={label}>
      <Paragraph>{t("pager.page", { page })}</Paragraph>
      <ul className="utrecht-link-list utrecht-link-list--html-ul">
        {page > 1 && (
          <li className="utrecht-link-list__item">
            <Link className="nl-link" to={`${path}?pagina=${page - 1}`}>
              {t("pager.previous")}
            </Link>
          </li>
        )}
        {hasMore && (
          <li className="utrecht-link-list__item">
            <Link className="nl-link" to={`${path}?pagina=${page + 1}`}>
              {t("pager.next")}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
