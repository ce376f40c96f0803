import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform } from "../../../src/db/index.ts";
import { grantRole } from "../../../src/domain/identity/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import * as trajectoryPage from "../programme/trajectory.tsx";
import * as exportDesigners from "./export-designers.ts";
import * as staffDesigners from "./staff-designers.tsx";
import * as staffTrajectory from "./staff-trajectory.tsx";

let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let harness: ReturnType<typeof routeHarness>;
let trajectoryId: string;
let slug: string;

const stored = () =>
  withPlatform(handle.db, (tx) =>
    tx.select().from(schema.designerSignups).where(eq(schema.designerSignups.trajectoryId, trajectoryId)),
  );
const mailsTo = async (to: string) =>
  (await withPlatform(handle.db, (tx) => tx.select().from(schema.jobs).where(eq(schema.jobs.kind, "mail.send"))))
    .map((job) => job.payload as { to: string; template: string })
    .filter((mail) => mail.to === to);

const good = {
  name: "Sanne Stadmaker",
  email: "Sanne@Plein.example",
  organisation: "Ontwerpbureau Plein",
  motivation: "Ik maak tijdelijke pleinen\r\nmet bewoners.",
  consent: "on",
};

/** The public form posted from a visitor's address (each test its own, so the rate limit stays out of the way). */
const signUp = (fields: Record<string, string>, ip = "192.0.2.10") =>
  answerOf(() =>
    trajectoryPage.action({
      request: harness.post(`/programma/trajecten/${slug}`, "", fields),
      context: harness.context(ip),
      params: { slug },
    } as never),
  );

beforeAll(async () => {
  handle = await freshDatabase();
  // The deadline is far ahead: the route reads the real clock (and the next-year project moves it a year on).
  programme = await givenProgramme(handle, { municipalities: 0, now: new Date() });
  await withPlatform(handle.db, (tx) =>
    grantRole(tx, { tenantId: programme.programmeId, personId: programme.staffId, role: "programme-staff" }),
  );
  harness = routeHarness(handle);
  trajectoryId = await programme.givenTrajectory({ deadline: "2999-12-31" });
  [{ slug }] = (await withPlatform(handle.db, (tx) =>
    tx
      .select({ slug: schema.trajectories.slug })
      .from(schema.trajectories)
      .where(eq(schema.trajectories.id, trajectoryId)),
  )) as [{ slug: string }];
});
afterAll(() => handle.close());

const publicPage = async () =>
  (await trajectoryPage.loader({
    request: harness.get(`/programma/trajecten/${slug}`, ""),
    context: harness.context(),
    params: { slug },
  } as never)) as { trajectory: { takesDesignerSignUps: boolean }; designersOpen: boolean };

describe("designers' sign-ups", () => {
  it("are off until staff tick the setting on the trajectory's form; the form then shows on the public page", async () => {
    expect((await publicPage()).trajectory.takesDesignerSignUps).toBe(false);
    expect(await signUp(good)).toMatchObject({ status: 409, errors: { "": ["designers.error.closed"] } });
    expect(await stored()).toEqual([]);

    const on = await answerOf(async () =>
      staffTrajectory.action({
        request: harness.post(`/beheer/trajecten/${slug}`, await harness.signIn(programme.staffId), {
          intent: "describe",
          sharesLocalSupport: "on",
          takesDesignerSignUps: "on",
          moreText: "",
        }),
        context: harness.context(),
        params: { slug },
      } as never),
    );
    expect(on.status).toBe(302);
    expect(await publicPage()).toMatchObject({ trajectory: { takesDesignerSignUps: true }, designersOpen: true });
    const audit = await withPlatform(handle.db, (tx) =>
      tx.select().from(schema.auditLog).where(eq(schema.auditLog.subject, trajectoryId)),
    );
    expect(audit.map((row) => row.details)).toEqual([
      { before: { sharesLocalSupport: true, takesDesignerSignUps: false, moreText: "" } },
    ]);
  });

  it("refuses bad input and a filled honeypot with a message per field, storing and mailing nothing", async () => {
    const bad = await signUp({ name: "", email: "geen adres", organisation: "", motivation: "x".repeat(1501) });
    expect(bad.status).toBe(400);
    expect(bad.errors).toMatchObject({
      name: ["form.required"],
      email: ["form.email"],
      organisation: ["form.required"],
      motivation: ["form.tooLong"],
      consent: ["designers.form.consentRequired"],
    });
    expect((await signUp({ ...good, website: "http://spam.example" })).status).toBe(400);
    expect(await stored()).toEqual([]);
    expect(await mailsTo("sanne@plein.example")).toEqual([]);
  });

  it("stores a sign-up and mails the designer; the same address again gets a clear message and changes nothing", async () => {
    const first = await signUp(good, "192.0.2.20");
    expect(first).toMatchObject({ status: 302, location: `/programma/trajecten/${slug}?melding=ontwerper#ontwerpers` });
    const again = await signUp({ ...good, email: "sanne@plein.EXAMPLE", motivation: "Anders" }, "192.0.2.20");
    expect(again).toMatchObject({ status: 409, errors: { email: ["designers.error.alreadySignedUp"] } });
    expect((await stored()).map((row) => [row.email, row.motivation])).toEqual([
      ["sanne@plein.example", "Ik maak tijdelijke pleinen\nmet bewoners."],
    ]);
    expect((await mailsTo("sanne@plein.example")).map((mail) => mail.template)).toEqual(["designer-signed-up"]);
  });

  it("stops one address after five tries an hour, as the other public forms that mail do", async () => {
    const email = "veel@plein.example";
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await signUp({ ...good, email }, `192.0.2.${100 + i}`)).status);
    expect(answers).toEqual([302, 409, 409, 409, 409, 429]);
  });

  it("are listed for staff only, exported as CSV and XLSX, and deleted with an audit line", async () => {
    const cookie = await harness.signIn(programme.staffId);
    const list = (who: string) =>
      answerOf(() =>
        staffDesigners.loader({
          request: harness.get(`/beheer/trajecten/${slug}/ontwerpers`, who),
          context: harness.context(),
          params: { slug },
        } as never),
      );
    const outsider = await harness.signIn(programme.coordinatorId);
    expect((await list(outsider)).status).toBe(403);
    const page = (await staffDesigners.loader({
      request: harness.get(`/beheer/trajecten/${slug}/ontwerpers`, cookie),
      context: harness.context(),
      params: { slug },
    } as never)) as { signUps: { id: string; email: string }[] };
    expect(page.signUps.map((row) => row.email)).toEqual(["sanne@plein.example", "veel@plein.example"]);
    // The trajectory's staff page links to them with their number.
    const trajectory = (await staffTrajectory.loader({
      request: harness.get(`/beheer/trajecten/${slug}`, cookie),
      context: harness.context(),
      params: { slug },
    } as never)) as { designerCount: number };
    expect(trajectory.designerCount).toBe(2);

    const csv = (await exportDesigners.loader({
      request: harness.get(`/beheer/trajecten/${slug}/ontwerpers.csv`, cookie),
      context: harness.context(),
      params: { slug },
    } as never)) as Response;
    expect(csv.headers.get("Content-Disposition")).toBe(`attachment; filename="ontwerpers-${slug}.csv"`);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith("\uFEFFNaam;E-mailadres;Organisatie of vakgebied;Motivatie;Aangemeld op\r\n")).toBe(true);
    expect(text).toContain('Sanne Stadmaker;sanne@plein.example;Ontwerpbureau Plein;"Ik maak tijdelijke pleinen\nmet');
    const xlsx = (await exportDesigners.loader({
      request: harness.get(`/beheer/trajecten/${slug}/ontwerpers.xlsx`, cookie),
      context: harness.context(),
      params: { slug },
    } as never)) as Response;
    expect([...new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
    const unknown = await answerOf(() =>
      exportDesigners.loader({
        request: harness.get("/beheer/trajecten/bestaat-niet/ontwerpers.csv", cookie),
        context: harness.context(),
        params: { slug: "bestaat-niet" },
      } as never),
    );
    expect(unknown.status).toBe(404);

    const remove = (signUp: string, who = cookie) =>
      answerOf(() =>
        staffDesigners.action({
          request: harness.post(`/beheer/trajecten/${slug}/ontwerpers`, who, { intent: "delete", signUp }),
          context: harness.context(),
          params: { slug },
        } as never),
      );
    const target = page.signUps[0]!.id;
    expect((await remove(target, outsider)).status).toBe(403);
    expect(await remove(target)).toMatchObject({
      status: 302,
      location: `/beheer/trajecten/${slug}/ontwerpers?melding=verwijderd`,
    });
    expect((await stored()).map((row) => row.email)).toEqual(["veel@plein.example"]);
    expect(await remove(target)).toMatchObject({ status: 404 });
    const audit = await withPlatform(handle.db, (tx) =>
      tx.select().from(schema.auditLog).where(eq(schema.auditLog.subject, target)),
    );
    expect(audit.map((row) => [row.action, row.actorPersonId])).toEqual([
      ["programme.designer.sign-up", null],
      ["programme.designer.delete", programme.staffId],
    ]);
  });
});
