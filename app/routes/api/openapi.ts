import { openApiDocument } from "../../api/openapi.ts";
import type { Route } from "./+types/openapi";

let cached: string | undefined;

export function loader({ request }: Route.LoaderArgs) {
  cached ??= JSON.stringify(openApiDocument(new URL(request.url).origin));
  return new Response(cached, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "public, max-age=3600",
    },
  });
}
