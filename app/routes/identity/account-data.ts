import { withPlatform } from "../../../src/db/index.ts";
import { exportPersonalData } from "../../../src/domain/identity/index.ts";
import { services } from "../../server/context.ts";
import { requireActor } from "../../server/session.server.ts";
import type { Route } from "./+types/account-data";

/** "Download my data": a JSON file with everything we keep about the signed-in person. Reads only. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await requireActor(request, context);
  const exported = await withPlatform(services(context).db, (tx) => exportPersonalData(tx, actor.personId));
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="mijn-gegevens-samenspel.json"',
      "Cache-Control": "no-store",
    },
  });
}
