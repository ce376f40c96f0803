import type { ReactNode } from "react";
import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "react-router";
import { useLocale, useT } from "../i18n/use-translation.ts";
import { Breadcrumbs } from "./breadcrumbs.tsx";
import { useTenantBranding } from "./tenant-branding.ts";

/** The classes the design system's `Button` gives a subtle submit button. */
const subtleSubmitButton = "utrecht-button utrecht-button--submit utrecht-button--subtle";

/**
 * Every page's frame: skip link, banner with the site's or municipality's name, main menu, sign-in and language
 * switch, breadcrumbs, the main landmark and the footer. `title` becomes the document title "… – Samenspel".
 * It writes the HTML and classes the design system's skip link, page header, content, footer and button components
 * render, rather than using them: it is in the chunk every page loads, where those components cost some 12 kB
 * minified (ADR 0038).
 */
export function PageShell({ title, children }: { title?: string; children: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const tenant = useTenantBranding();
  const otherLocale = locale === "nl" ? "en" : "nl";
  const signedIn = useRouteLoaderData<{ signedIn: { displayName: string } | null }>("root")?.signedIn;
  return (
    <>
      {title !== undefined && <title>{title === t("site.name") ? title : `${title} – ${t("site.name")}`}</title>}
      <a href="#inhoud" className="nl-skip-link nl-skip-link--visible-on-focus">
        {t("nav.skip")}
      </a>
      <header className="utrecht-page-header samenspel-page-header">
        <div className="samenspel-container samenspel-header">
          <Link className="samenspel-brand nl-link" to={tenant ? `/${tenant.slug}` : "/"}>
            {tenant?.logoPath && <img className="samenspel-brand__logo" src={tenant.logoPath} alt="" />}
            <span>{tenant ? tenant.name : t("site.name")}</span>
          </Link>
          <nav className="samenspel-nav" aria-label={t("nav.main")}>
            <ul>
              <li>
                <NavLink className="nl-link" to="/" end>
                  {t("nav.home")}
                </NavLink>
              </li>
              <li>
                <NavLink className="nl-link" to="/programma">
                  {t("nav.programme")}
                </NavLink>
              </li>
              <li>
                <NavLink className="nl-link" to="/kennisbank">
                  {t("knowledge.nav")}
                </NavLink>
              </li>
              {tenant && (
                <li>
                  <NavLink className="nl-link" to={`/${tenant.slug}`} end>
                    {tenant.name}
                  </NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="samenspel-header__tools">
            {signedIn ? (
              <>
                <Link className="nl-link" to="/account">
                  {t("nav.account")}
                </Link>
                <Form method="post" action="/uitloggen">
                  <button className={subtleSubmitButton} type="submit">
                    {t("nav.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <Link
                className="nl-link"
                to={
                  location.pathname.startsWith("/inloggen")
                    ? "/inloggen"
                    : `/inloggen?${new URLSearchParams({ terug: location.pathname })}`
                }
              >
                {t("nav.signIn")}
              </Link>
            )}
            <Form method="post" action="/taal">
              <input type="hidden" name="locale" value={otherLocale} />
              <input type="hidden" name="returnTo" value={location.pathname + location.search} />
              <button
                className={subtleSubmitButton}
                type="submit"
                lang={otherLocale}
                aria-label={t("language.switchLabel")}
              >
                {t("language.switch")}
              </button>
            </Form>
          </div>
        </div>
      </header>
      <div className="samenspel-container">
        <Breadcrumbs title={title} />
      </div>
      <main id="inhoud" tabIndex={-1} className="samenspel-main">
        <div className="utrecht-page-content samenspel-container">{children}</div>
      </main>
      <footer className="utrecht-page-footer samenspel-page-footer">
        <div className="samenspel-container samenspel-footer">
          <p className="nl-paragraph">{t("footer.platform")}</p>
          <p className="nl-paragraph">{t("footer.about")}</p>
          <nav aria-label={t("footer.links")}>
            <ul className="utrecht-link-list utrecht-link-list--html-ul">
              <li className="utrecht-link-list__item">
                <Link className="nl-link" to="/toegankelijkheid">
                  {t("footer.accessibility")}
                </Link>
              </li>
              <li className="utrecht-link-list__item">
                <Link className="nl-link" to="/privacy">
                  {t("footer.privacy")}
                </Link>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}
