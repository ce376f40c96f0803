import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { SERVER_ONLY, serverRun } from "../../../tests/support/server-only.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../db/index.ts";
import { listAuditLog } from "../shared/index.ts";
import {
  countDesignerSignUps,
  deleteDesignerSignUp,
  describeTrajectory,
  listDesignerSignUps,
  type SignUpDesignerOptions,
  signUpDesigner,
} from "./index.ts";

const NOW = new Date("2019-08-20T10:00:00Z");

let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let tenantId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 0, now: NOW });
  tenantId = programme.programmeId;
});
afterAll(() => handle.close());

/** A trajectory that takes designers' sign-ups until `deadline` (staff turn it on, as on the edit form). */
async function givenDesignerTrajectory(deadline: string | null = "2019-09-09") {
  const trajectoryId = await programme.givenTrajectory({ deadline });
  const [{ slug }] = (await withPlatform(handle.db, (tx) =>
    tx
      .select({ slug: schema.trajectories.slug })
      .from(schema.trajectories)
      .where(eq(schema.trajectories.id, trajectoryId)),
  )) as [{ slug: string }];
  await withTenant(handle.db, { tenantId, personId: programme.staffId }, (tx) =>
    describeTrajectory(tx, {
      programmeTenantId: tenantId,
      slug,
      sharesLocalSupport: true,
      takesDesignerSignUps: true,
      moreText: "",
      actorPersonId: programme.staffId,
    }),
  );
  return { trajectoryId, slug };
}

const designer = (slug: string, extra: Partial<SignUpDesignerOptions> = {}): SignUpDesignerOptions => ({
  programmeTenantId: tenantId,
  slug,
  name: "Sanne Stadmaker",
  email: "sanne@ontwerpbureau.example",
  organisation: "Ontwerpbureau Plein",
  motivation: "Ik maak tijdelijke pleinen met bewoners.",
  consent: true,
  locale: "nl",
  trajectoryUrl: `https://samenspel.example/programma/trajecten/${slug}`,
  now: NOW,
  ...extra,
});

const signUp = (options: SignUpDesignerOptions) =>
  withTenant(handle.db, { tenantId }, (tx) => signUpDesigner(tx, options));
const rowsOf = (trajectoryId: string) =>
  withTenant(handle.db, { tenantId }, (tx) => listDesignerSignUps(tx, { programmeTenantId: tenantId, trajectoryId }));
const countOf = (trajectoryId: string) =>
  withTenant(handle.db, { tenantId }, (tx) => countDesignerSignUps(tx, { programmeTenantId: tenantId, trajectoryId }));
/** The confirmation mails queued to `to`. */
const mailsTo = async (to: string) =>
  (await withPlatform(handle.db, (tx) => tx.select().from(schema.jobs).where(eq(schema.jobs.kind, "mail.send"))))
    .map((job) => job.payload as { to: string; template: string; params: Record<string, unknown> })
    .filter((mail) => mail.to === to);

describe("a designer signs up for a trajectory", () => {
  it("stores the sign-up and queues the confirmation mail; a second one from the address is refused", async () => {
    const { trajectoryId, slug } = await givenDesignerTrajectory();
    const row = await signUp(designer(slug, { name: "  Sanne Stadmaker ", email: " Sanne@Ontwerpbureau.example" }));
    expect(row).toMatchObject({ name: "Sanne Stadmaker", email: "sanne@ontwerpbureau.example", consentedAt: NOW });
    expect(await mailsTo("sanne@ontwerpbureau.example")).toEqual([
      expect.objectContaining({
        template: "designer-signed-up",
        params: expect.objectContaining({ trajectory: "Kernendemocratie", name: "Sanne Stadmaker" }),
      }),
    ]);

    // The same address in other capitals, with other words: refused, and nothing changes.
    await expect(
      signUp(designer(slug, { email: "SANNE@ontwerpbureau.EXAMPLE", motivation: "Nog een keer." })),
    ).rejects.toMatchObject({ code: "programme.designer-already-signed-up" });
    expect((await rowsOf(trajectoryId)).map((r) => r.motivation)).toEqual(["Ik maak tijdelijke pleinen met bewoners."]);
    expect(await mailsTo("sanne@ontwerpbureau.example")).toHaveLength(1);

    // The same address may sign up for another trajectory.
    const other = await givenDesignerTrajectory();
    await signUp(designer(other.slug));
    expect(await rowsOf(other.trajectoryId)).toHaveLength(1);
    // The staff page's count is of the trajectory's own sign-ups.
    await signUp(designer(other.slug, { email: "tweede@ontwerpbureau.example" }));
    expect([await countOf(trajectoryId), await countOf(other.trajectoryId)]).toEqual([1, 2]);
  });

  it("refuses bad input, a sign-up without consent and a closed trajectory, and stores and mails nothing", async () => {
    const { trajectoryId, slug } = await givenDesignerTrajectory();
    const refusals: [Partial<SignUpDesignerOptions>, string][] = [
      [{ name: "  " }, "programme.missing-text"],
      [{ organisation: "" }, "programme.missing-text"],
      [{ motivation: "\n" }, "programme.missing-text"],
      [{ email: "geen-adres" }, "programme.invalid-email"],
      [{ email: "twee @adres.nl" }, "programme.invalid-email"],
      [{ consent: false }, "programme.consent-required"],
      [{ slug: "bestaat-niet" }, "programme.trajectory-not-found"],
      // The day after the deadline: closed, as for municipalities.
      [{ now: new Date("2019-09-10T08:00:00Z") }, "programme.designer-sign-ups-closed"],
    ];
    for (const [extra, code] of refusals) {
      await expect(signUp(designer(slug, { email: "bad@example.org", ...extra }))).rejects.toMatchObject({ code });
    }
    // Staff have not turned sign-ups on for this one.
    const off = await programme.givenTrajectory();
    const [{ slug: offSlug }] = (await withPlatform(handle.db, (tx) =>
      tx.select({ slug: schema.trajectories.slug }).from(schema.trajectories).where(eq(schema.trajectories.id, off)),
    )) as [{ slug: string }];
    await expect(signUp(designer(offSlug, { email: "bad@example.org" }))).rejects.toMatchObject({
      code: "programme.designer-sign-ups-closed",
    });
    expect(await rowsOf(trajectoryId)).toEqual([]);
    expect(await rowsOf(off)).toEqual([]);
    expect(await mailsTo("bad@example.org")).toEqual([]);
    // The deadline day itself still counts.
    await signUp(designer(slug, { email: "laat@example.org", now: new Date("2019-09-09T21:00:00Z") }));
    expect(await rowsOf(trajectoryId)).toHaveLength(1);
  });

  it("cannot be read or deleted from another tenant, and staff deletion is audited", async () => {
    const { trajectoryId, slug } = await givenDesignerTrajectory();
    const row = await signUp(designer(slug, { email: "weg@example.org" }));
    const other = await withPlatform(handle.db, async (tx) => {
      const [tenant] = await tx
        .insert(schema.tenants)
        .values({ slug: "elders", name: "Elders", kind: "municipality" })
        .returning();
      return tenant!.id;
    });
    const seenElsewhere = await withTenant(handle.db, { tenantId: other }, (tx) =>
      tx.select().from(schema.designerSignups),
    );
    expect(seenElsewhere).toEqual([]);
    const remove = (signUpId: string) =>
      withTenant(handle.db, { tenantId, personId: programme.staffId }, (tx) =>
        deleteDesignerSignUp(tx, {
          programmeTenantId: tenantId,
          trajectoryId,
          signUpId,
          actorPersonId: programme.staffId,
        }),
      );
    // The activity log names the sign-up by the designer and the trajectory while it exists, and no longer after.
    const logged = async () =>
      (await withTenant(handle.db, { tenantId }, (tx) => listAuditLog(tx, { tenantId, limit: 5 }))).find(
        (line) => line.action === "programme.designer.sign-up",
      )?.subject;
    expect(await logged()).toEqual({ name: "Sanne Stadmaker – Kernendemocratie" });
    await remove(row.id);
    expect(await logged()).toBe("gone");
    expect(await rowsOf(trajectoryId)).toEqual([]);
    await expect(remove(row.id)).rejects.toMatchObject({ code: "programme.designer-sign-up-not-found" });
    const audit = await withPlatform(handle.db, (tx) =>
      tx.select().from(schema.auditLog).where(eq(schema.auditLog.subject, row.id)),
    );
    expect(audit.map((entry) => [entry.action, entry.actorPersonId])).toEqual([
      ["programme.designer.sign-up", null],
      ["programme.designer.delete", programme.staffId],
    ]);
    // The audit trail keeps no personal details of the designer.
    expect(JSON.stringify(audit.map((entry) => entry.details))).not.toContain("weg@example.org");
    // Once deleted, the address may sign up again.
    await signUp(designer(slug, { email: "weg@example.org" }));
    expect(await rowsOf(trajectoryId)).toHaveLength(1);
  });

  it("makes one row and one mail of two simultaneous sign-ups from the same address", async ({ skip }) => {
    skip(!serverRun, SERVER_ONLY);
    const { trajectoryId, slug } = await givenDesignerTrajectory();
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) =>
        signUp(designer(slug, { email: i % 2 ? "Tegelijk@example.org" : "tegelijk@example.org" })),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "programme.designer-already-signed-up" });
    }
    expect(await rowsOf(trajectoryId)).toHaveLength(1);
    expect(await mailsTo("tegelijk@example.org")).toHaveLength(1);
  });
});
