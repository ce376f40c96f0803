import "@utrecht/component-library-css/dist/index.css";
import "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css";
import "./styles/app.css";
import type { ReactNode } from "react";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import { useNonce } from "./components/nonce.tsx";
import { PageShell } from "./components/page-shell.tsx";
import { defaultLocale, type Locale } from "./i18n/define-messages.ts";
import { useT } from "./i18n/use-translation.ts";
import { localeOf } from "./server/locale.server.ts";
import { getActor } from "./server/session.server.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await getActor(request, context);
  return { locale: await localeOf(request), signedIn: actor ? { displayName: actor.displayName } : null };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  const locale = data?.locale ?? defaultLocale;
  const nonce = useNonce();
  return (
    <html lang={locale} className="voorbeeld-theme">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="utrecht-page-body utrecht-body">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t("error.notFound.title"), t("error.notFound.body")]
      : status === 403
        ? [t("error.forbidden.title"), t("error.forbidden.body")]
        : [t("error.title"), t("error.unexpected.body")];
  return (
    <PageShell>
      <title>{`${title} – ${t("site.name")}`}</title>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">{body}</p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href="/">
          {t("error.backHome")}
        </a>
      </p>
    </PageShell>
  );
}
