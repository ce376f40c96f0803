import { describe, expect, it } from "vitest";
import { totpMatches, totpSetupSecret } from "./totp.ts";

describe("totpMatches", () => {
  it("matches no code for a secret the TOTP library refuses, instead of failing", async () => {
    const now = new Date("2027-03-14T10:00:00Z");
    await expect(totpMatches("JBSWY3DPEHPK3PXP", "123456", now)).resolves.toBe(false);
    await expect(totpMatches("not base32!", "123456", now)).resolves.toBe(false);
    expect(totpSetupSecret("seed")).toMatch(/^[A-Z2-7]{32}$/);
  });
});
