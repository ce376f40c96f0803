import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../tests/support/database.ts";
import { linkIn, type Mailbox, startMailbox } from "../../tests/support/mailbox.ts";
import { type DatabaseHandle, schema, withPlatform } from "../db/index.ts";
import { createLogger } from "../platform/logger.ts";
import { runDueJobs } from "../platform/queue/index.ts";
import { createMailer, enqueueMail, MAIL_JOB, mailJobHandler, renderMail } from "./index.ts";

let handle: DatabaseHandle;
let mailbox: Mailbox;
const NOW = new Date("2026-11-23T09:00:00Z");

beforeAll(async () => {
  [handle, mailbox] = await Promise.all([freshDatabase(), startMailbox()]);
});
afterAll(async () => {
  await Promise.all([handle.close(), mailbox.close()]);
});

describe("mail", () => {
  it("renders each template in Dutch and English, as text and HTML", () => {
    const params = { url: "https://samenspel.example/inloggen/link/abc", minutes: 15 };
    const nl = renderMail("magic-link", "nl", params);
    const en = renderMail("magic-link", "en", params);
    expect(nl.subject).toBe("Uw inloglink voor Samenspel");
    expect(en.subject).toBe("Your sign-in link for Samenspel");
    expect(nl.text).toContain("15 minuten");
    expect(nl.text).toContain(params.url);
    expect(en.html).toContain(`href="${params.url}"`);
    expect(renderMail("magic-link", "nl", { url: "https://x/?a=1&b=<2>", minutes: 15 }).html).toContain(
      "https://x/?a=1&amp;b=&lt;2&gt;",
    );
  });

  it("sends a queued mail over SMTP only when the worker runs, after commit", async () => {
    await withPlatform(handle.db, (tx) =>
      enqueueMail(
        tx,
        {
          to: "Anna@Example.nl",
          locale: "en",
          template: "magic-link",
          params: { url: "http://localhost/inloggen/link/t0ken", minutes: 15 },
        },
        { runAt: NOW },
      ),
    );
    expect(mailbox.messages).toHaveLength(0);
    const mailer = createMailer({
      smtpUrl: mailbox.url,
      from: "Samenspel <noreply@test>",
      logger: createLogger("silent"),
    });
    const outcomes = await runDueJobs(handle.db, { [MAIL_JOB]: mailJobHandler(mailer) }, { now: NOW });
    mailer.close();
    expect(outcomes).toMatchObject([{ kind: MAIL_JOB, result: "done" }]);
    const mail = await mailbox.waitForMail("anna@example.nl");
    expect(mail.subject).toBe("Your sign-in link for Samenspel");
    expect(linkIn(mail, "http://localhost/inloggen/link/")).toBe("http://localhost/inloggen/link/t0ken");
    expect(await handle.db.select({ payload: schema.jobs.payload }).from(schema.jobs)).toEqual([{ payload: {} }]);
  });

  it("logs instead of sending when no SMTP server is configured", async () => {
    const lines: string[] = [];
    const logger = createLogger("info");
    const spy = { ...logger, info: (obj: unknown, msg: string) => void lines.push(`${msg} ${JSON.stringify(obj)}`) };
    const mailer = createMailer({ smtpUrl: undefined, from: "x@test", logger: spy as never });
    await mailer.send({ to: "b@example.nl", ...renderMail("magic-link", "nl", { url: "http://l/x", minutes: 15 }) });
    expect(lines.join()).toContain("http://l/x");
  });
});
