import type { ReactNode } from "react";
import { Form, Link, useLocation, useRouteLoaderData } from "react-router";
import { useLocale, useT } from "../i18n/use-translation.ts";

/** Skip link, landmarks and language switch around every page. */
export function PageShell({ children }: { children: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const signedIn = useRouteLoaderData<{ signedIn: { displayName: string } | null }>("root")?.signedIn;
  return (
    <>
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        {t("nav.skip")}
      </a>
      <header className="samenspel-header">
        <Link className="samenspel-header__brand utrecht-link" to="/">
          {t("site.name")}
        </Link>
        <nav className="samenspel-header__account" aria-label={t("nav.accountMenu")}>
          {signedIn ? (
            <>
              <Link className="utrecht-link" to="/account">
                {t("nav.account")}
              </Link>
              <Form method="post" action="/uitloggen">
                <button type="submit" className="utrecht-button utrecht-button--subtle">
                  {t("nav.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <Link
              className="utrecht-link"
              to={
                location.pathname.startsWith("/inloggen")
                  ? "/inloggen"
                  : `/inloggen?${new URLSearchParams({ terug: location.pathname })}`
              }
            >
              {t("nav.signIn")}
            </Link>
          )}
        </nav>
        <Form method="post" action="/taal" className="samenspel-header__language">
          <input type="hidden" name="locale" value={locale === "nl" ? "en" : "nl"} />
          <input type="hidden" name="returnTo" value={location.pathname + location.search} />
          <button
            type="submit"
            className="utrecht-button utrecht-button--subtle"
            lang={locale === "nl" ? "en" : "nl"}
            aria-label={t("language.switchLabel")}
          >
            {t("language.switch")}
          </button>
        </Form>
      </header>
      <main id="inhoud" className="samenspel-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="samenspel-footer">
        <p className="utrecht-paragraph">{t("footer.about")}</p>
        <ul className="utrecht-link-list">
          <li>
            <Link className="utrecht-link" to="/toegankelijkheid">
              {t("footer.accessibility")}
            </Link>
          </li>
          <li>
            <Link className="utrecht-link" to="/privacy">
              {t("footer.privacy")}
            </Link>
          </li>
        </ul>
      </footer>
    </>
  );
}
