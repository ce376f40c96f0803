import { describe, expect, it } from "vitest";
import { z } from "zod";
import { calendarDate, requiredText } from "../forms/fields.ts";
import { parseForm, readForm } from "./forms.server.ts";

const post = (body: BodyInit | null, type?: string, headers: Record<string, string> = {}) =>
  new Request("http://samenspel.test/x", {
    method: "POST",
    headers: { ...(type ? { "Content-Type": type } : {}), ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);

/** The status and text of what `readForm` threw, or "read" when it read the form. */
async function outcome(request: Request, limit?: number): Promise<number | "read"> {
  try {
    await readForm(request, limit);
    return "read";
  } catch (thrown) {
    const answer = thrown as { init?: { status?: number }; data?: unknown };
    expect(typeof answer.data).toBe("string");
    return answer.init?.status ?? 500;
  }
}

describe("readForm", () => {
  it("reads form encoding strictly: '+' is a space, percent escapes are UTF-8", async () => {
    const form = await readForm(post("naam=Ren%C3%A9e+de+Vries&leeg=&los", "application/x-www-form-urlencoded"));
    expect([...form]).toEqual([
      ["naam", "Renée de Vries"],
      ["leeg", ""],
      ["los", ""],
    ]);
  });

  it("reads multipart forms", async () => {
    const body = new FormData();
    body.set("naam", "Bea");
    const form = await readForm(new Request("http://samenspel.test/x", { method: "POST", body }));
    expect(form.get("naam")).toBe("Bea");
  });

  it("refuses JSON, plain text and a body without a type with 415", async () => {
    expect(await outcome(post('{"email":"a@b.nl"}', "application/json"))).toBe(415);
    expect(await outcome(post("email=a@b.nl", "text/plain"))).toBe(415);
    expect(await outcome(post(null))).toBe(415);
  });

  it("refuses NUL and other control characters with 400, and keeps tabs and line breaks", async () => {
    expect(await outcome(post("naam=a%00b", "application/x-www-form-urlencoded"))).toBe(400);
    expect(await outcome(post("naam=a%1Bb", "application/x-www-form-urlencoded"))).toBe(400);
    expect(await outcome(post("naam%00=a", "application/x-www-form-urlencoded"))).toBe(400);
    expect(await outcome(post("tekst=a%09b%0D%0Ac", "application/x-www-form-urlencoded"))).toBe("read");
  });

  it("refuses invalid UTF-8, raw or percent-escaped, and broken escapes with 400", async () => {
    expect(await outcome(post(new Uint8Array([0x61, 0x3d, 0xff, 0xfe]), "application/x-www-form-urlencoded"))).toBe(
      400,
    );
    expect(await outcome(post("a=%FF%FE", "application/x-www-form-urlencoded"))).toBe(400);
    expect(await outcome(post("a=%E2%82", "application/x-www-form-urlencoded"))).toBe(400);
    expect(await outcome(post("a=%zz", "application/x-www-form-urlencoded"))).toBe(400);
  });

  it("refuses a body above the limit with 413, by its length or by what arrives", async () => {
    const big = `a=${"x".repeat(2000)}`;
    expect(await outcome(post(big, "application/x-www-form-urlencoded"), 1000)).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("x".repeat(200)));
        controller.close();
      },
    });
    expect(await outcome(post(stream, "application/x-www-form-urlencoded"), 1000)).toBe(413);
  });
});

describe("parseForm", () => {
  const schema = z.object({
    kind: z.enum(["question", "action"]),
    text: requiredText(10),
    amount: z.coerce.number().int().max(1000),
    on: calendarDate(),
  });
  const errorsOf = async (body: string) => {
    const submission = await parseForm(post(body, "application/x-www-form-urlencoded"), schema);
    return submission.status === "error" ? submission.error : undefined;
  };

  it("gives catalogue keys for zod's own issues: missing, unknown or repeated choice, number out of range", async () => {
    expect(await errorsOf("text=a&amount=99999999999999999999&on=2027-02-30")).toEqual({
      kind: ["form.required"],
      amount: ["form.outOfRange"],
      on: ["form.date"],
    });
    expect((await errorsOf("kind=unknown&text=a&amount=1&on=2027-03-01"))?.kind).toEqual(["form.choice"]);
    expect((await errorsOf("kind=action&kind=action&text=a&text=b&amount=1&on=2027-03-01"))?.kind).toEqual([
      "form.choice",
    ]);
  });
});

describe("calendarDate", () => {
  const date = calendarDate();
  it.each(["2024-02-29", "2027-03-14", "1900-01-01", "2999-12-31"])("takes %s", (value) => {
    expect(date.safeParse(value).success).toBe(true);
  });
  it.each([
    "2024-02-30",
    "2027-02-29",
    "0000-01-01",
    "2027-13-01",
    "2027-04-31",
    "27-03-14",
    "2027-3-4",
    "10000-01-01",
  ])("refuses %s", (value) => {
    expect(date.safeParse(value).error?.issues[0]?.message).toBe("form.date");
  });
});
