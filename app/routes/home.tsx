import { Link } from "react-router";
import { listMunicipalities } from "../../src/domain/tenancy/index.ts";
import { PageShell } from "../components/page-shell.tsx";
import { useT } from "../i18n/use-translation.ts";
import { services } from "../server/context.ts";
import type { Route } from "./+types/home";

export async function loader({ context }: Route.LoaderArgs) {
  return { municipalities: await listMunicipalities(services(context).db) };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <PageShell>
      <title>{t("site.name")}</title>
      <h1 className="utrecht-heading-1">{t("home.title")}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t("home.intro")}</p>
      <h2 className="utrecht-heading-2">{t("home.municipalities.title")}</h2>
      {loaderData.municipalities.length === 0 ? (
        <p className="utrecht-paragraph">{t("home.municipalities.empty")}</p>
      ) : (
        <ul className="utrecht-link-list">
          {loaderData.municipalities.map((m) => (
            <li key={m.id}>
              <Link className="utrecht-link" to={`/${m.slug}`}>
                {m.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </PageShell>
  );
}
