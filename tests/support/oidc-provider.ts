import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";

/** The person the provider signs in, as a DigiD broker would: a subject, an assurance level, and here an address. */
export const TEST_USER = {
  sub: "test-user-1",
  email: "oidc-gebruiker@dijkstad.nl",
  name: "Olga van Dijk",
  acr: "urn:etoegang:core:assurance-class:loa3",
} as const;

export type OidcProvider = {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  close(): Promise<void>;
};

/**
 * A real OpenID provider (`oidc-provider`) on a loopback port with one confidential client that must use PKCE.
 * Its interaction signs in `TEST_USER` and grants consent at once, with no page of its own, so a journey runs the
 * same with JavaScript on and off.
 */
export async function startOidcProvider(options: { redirectUri: string }): Promise<OidcProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const clientId = "samenspel-test";
  const clientSecret = "test-secret-that-is-long-enough-for-hs256-32b";

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
        // Brokers state the assurance level reached; asking for it by default puts `acr` in every ID token.
        default_acr_values: [TEST_USER.acr],
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: "RS256", use: "sig", kid: "test" }] },
    cookies: { keys: ["test-cookie-key"] },
    pkce: { required: () => true },
    acrValues: [TEST_USER.acr],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      if (sub !== TEST_USER.sub) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email: TEST_USER.email, email_verified: true, name: TEST_USER.name }),
      };
    },
  });
  const callback = provider.callback();

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith("/interaction/")) return callback(req, res);
    interact(provider, req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    close: () => closeServer(server),
  };
}

async function interact(provider: Provider, req: IncomingMessage, res: ServerResponse) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === "login") {
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: TEST_USER.sub, acr: TEST_USER.acr } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const grant = new provider.Grant({
    accountId: details.session!.accountId,
    clientId: String(details.params.client_id),
  });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
