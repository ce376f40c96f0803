import * as client from "openid-client";
import type { Config } from "../../src/platform/config.ts";

type OidcConfig = NonNullable<Config["oidc"]>;

const discovered = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's metadata and keys, fetched on first use and kept for the life of the process (stateless: any
 * instance fetches its own). A failed discovery is forgotten, so the next sign-in tries again.
 */
export function oidcConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  let configuration = discovered.get(oidc.issuer);
  if (!configuration) {
    const issuer = new URL(oidc.issuer);
    configuration = client
      .discovery(
        issuer,
        oidc.clientId,
        oidc.clientSecret,
        oidc.clientSecret ? client.ClientSecretPost(oidc.clientSecret) : client.None(),
        // Plain http only for a provider on this machine (development and tests).
        issuer.protocol === "http:" ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered.delete(oidc.issuer);
        throw error;
      });
    discovered.set(oidc.issuer, configuration);
  }
  return configuration;
}

export const oidcRedirectUri = (config: Config) => `${config.publicUrl}/inloggen/oidc/terug`;

export { client };
