import { redirect } from "react-router";
import { getRound } from "../../../src/domain/budgeting/index.ts";
import { inTenant, municipalityOf, orNotFound } from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { startOidcFlow } from "../../server/oidc.server.ts";
import { limitSignInAttempts } from "../../server/sign-in.server.ts";
import type { Route } from "./+types/vote-oidc";

const ballotPath = (params: Route.ActionArgs["params"]) =>
  `/${params.gemeente}/burgerbegroting/${params.ronde}/stemmen`;

export function loader({ params }: Route.LoaderArgs) {
  return redirect(ballotPath(params));
}

/**
 * A voter of a round that identifies with DigiD goes to the provider from here. Only `openid` is asked: the callback
 * needs nothing but the pseudonymous `sub`, and turns it into a voting pass for this round (ADR 0037).
 */
export async function action({ params, context }: Route.ActionArgs) {
  if (!services(context).config.oidc) throw new Response(null, { status: 404 });
  const tenant = await municipalityOf(context, params.gemeente);
  const round = await orNotFound(
    inTenant(context, tenant.id, (tx) => getRound(tx, { tenantId: tenant.id, slug: params.ronde })),
  );
  const back = ballotPath(params);
  if (round.eligibility.identification !== "oidc") return redirect(back);
  try {
    await limitSignInAttempts(context);
  } catch {
    return redirect(`${back}?fout=te-vaak`);
  }
  const started = await startOidcFlow(context, {
    returnTo: back,
    scope: "openid",
    vote: { tenantId: tenant.id, roundSlug: round.slug },
  });
  return started ?? redirect(`${back}?fout=oidc`);
}
