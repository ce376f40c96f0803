import "@utrecht/component-library-css/dist/index.css";
import "@nl-design-system-candidate/heading-css/heading.css";
import "@nl-design-system-candidate/link-css/link.css";
import "@nl-design-system-candidate/paragraph-css/paragraph.css";
import "@nl-design-system-candidate/skip-link-css/skip-link.css";
import "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css";
import "./styles/app.css";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
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
import { DEFAULT_THEME_CLASS, useTenantBranding } from "./components/tenant-branding.ts";
import type { MessageKey } from "./i18n/catalogue.ts";
import { defaultLocale, type Locale } from "./i18n/define-messages.ts";
import { useT } from "./i18n/use-translation.ts";
import { requestContext } from "./server/context.ts";
import { localeOf } from "./server/locale.server.ts";
import { messagesFor } from "./server/route-messages.server.ts";
import { getActor } from "./server/session.server.ts";

export async function loader({ request, url, pattern, context }: Route.LoaderArgs) {
  const actor = await getActor(request, context);
  const locale = await localeOf(request);
  // Only this language, and only the messages this page's routes can show (ADR 0038): the browser gets no catalogue
  // of its own, and the server renders from the same table the browser hydrates with.
  // `url`, not `request.url`: a navigation's data request is `/_root.data` or `/page.data`, named for the page.
  const keys = context.get(requestContext).messageKeys?.(url.pathname, pattern);
  return {
    locale,
    messages: messagesFor(locale, keys),
    partialMessages: keys !== undefined,
    signedIn: actor ? { displayName: actor.displayName } : null,
  };
}

/** Every navigation needs the next page's messages, which come with the root loader's data. */
export function shouldRevalidate() {
  return true;
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  const locale = data?.locale ?? defaultLocale;
  const nonce = useNonce();
  const theme = useTenantBranding()?.theme;
  // The default theme's tokens stay underneath; a municipality's stylesheet overrides some of them (ADR 0003).
  const rootClass =
    theme && theme.rootClass !== DEFAULT_THEME_CLASS
      ? `${DEFAULT_THEME_CLASS} ${theme.rootClass}`
      : DEFAULT_THEME_CLASS;
  return (
    <html lang={locale} className={rootClass}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
        {theme?.stylesheet && <link rel="stylesheet" href={theme.stylesheet} />}
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

/** What a refused or failed request tells its visitor, by status; every other status is "something went wrong". */
const errorTexts: Partial<Record<number, readonly [MessageKey, MessageKey]>> = {
  400: ["error.badRequest.title", "error.badRequest.body"],
  403: ["error.forbidden.title", "error.forbidden.body"],
  404: ["error.notFound.title", "error.notFound.body"],
  411: ["error.badRequest.title", "error.badRequest.body"],
  413: ["error.badRequest.title", "error.tooLarge.body"],
  415: ["error.badRequest.title", "error.badRequest.body"],
};

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [titleKey, bodyKey] = errorTexts[status] ?? ["error.title", "error.unexpected.body"];
  const [title, body] = [t(titleKey), t(bodyKey)];
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{body}</Paragraph>
      <Paragraph>
        <a className="nl-link" href="/">
          {t("error.backHome")}
        </a>
      </Paragraph>
    </PageShell>
  );
}
