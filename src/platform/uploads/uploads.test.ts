import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import { type DatabaseHandle, withTenant } from "../../db/index.ts";
import { DomainError } from "../../domain/shared/index.ts";
import { MAX_UPLOAD_BYTES, readUpload, receiptTypes, safeFileName, sniffUploadType, storeUpload } from "./index.ts";

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));
const samples = {
  pdf: bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF", [0, 1, 2, 3]),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR"),
  webp: bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ", [0, 0, 0, 0]),
};

describe("sniffing", () => {
  it("knows PDF, JPEG, PNG and WebP by their first bytes", () => {
    for (const [type, sample] of Object.entries(samples)) expect(sniffUploadType(sample)).toBe(type);
  });

  it("knows nothing else, whatever the name says", () => {
    for (const other of [
      bytes("<!doctype html><script>alert(1)</script>"),
      bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      bytes("MZ\x90\x00"),
      bytes("RIFF", [0, 0, 0, 0], "WAVEfmt "),
      bytes("%PD"),
      new Uint8Array(),
    ])
      expect(sniffUploadType(other)).toBeUndefined();
  });

  it("gives stored files a safe name with the sniffed type's extension", () => {
    expect(safeFileName("C:\\Users\\Bon kassa.PNG", "pdf")).toBe("Bon-kassa.pdf");
    expect(safeFileName('"; rm -rf /.jpg', "jpeg")).toBe("bestand.jpg");
    expect(safeFileName("Factuur café 12.pdf", "pdf")).toBe("Factuur-cafe-12.pdf");
  });
});

describe("storing", () => {
  let handle: DatabaseHandle;
  let tenantId: string;
  let otherTenantId: string;
  const now = new Date("2026-03-02T10:00:00Z");

  beforeAll(async () => {
    handle = await freshDatabase();
    [tenantId, otherTenantId] = (await givenTwoMunicipalities(handle)).map((t) => t.id) as [string, string];
  });
  afterAll(() => handle.close());

  const store = (o: Partial<Parameters<typeof storeUpload>[1]> & { bytes: Uint8Array }) =>
    withTenant(handle.db, { tenantId }, (tx) =>
      storeUpload(tx, {
        tenantId,
        fileName: "bon.pdf",
        accept: receiptTypes,
        visibility: "internal",
        actorPersonId: null,
        now,
        ...o,
      }),
    );
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => (e instanceof DomainError ? e.code : e),
    );

  it("keeps the bytes exactly, with the sniffed type and size, for its own tenant only", async () => {
    const stored = await store({ bytes: samples.png, fileName: "bon.pdf" });
    expect(stored).toMatchObject({ contentType: "image/png", byteSize: samples.png.byteLength, fileName: "bon.png" });
    const read = await withTenant(handle.db, { tenantId }, (tx) => readUpload(tx, { tenantId, uploadId: stored.id }));
    expect(new Uint8Array(read!.data)).toEqual(samples.png);
    const elsewhere = await withTenant(handle.db, { tenantId: otherTenantId }, (tx) =>
      readUpload(tx, { tenantId, uploadId: stored.id }),
    );
    expect(elsewhere).toBeUndefined();
  });

  it("refuses an empty file, one over the limit, and a type this use does not take", async () => {
    expect(await refusal(store({ bytes: new Uint8Array() }))).toBe("uploads.empty");
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(samples.pdf);
    expect(await refusal(store({ bytes: big }))).toBe("uploads.too-large");
    expect(await refusal(store({ bytes: samples.pdf, maxBytes: 10 }))).toBe("uploads.too-large");
    expect(await refusal(store({ bytes: samples.jpeg, accept: ["pdf"] }))).toBe("uploads.type-not-allowed");
    expect(await refusal(store({ bytes: bytes("<html>") }))).toBe("uploads.type-not-allowed");
  });

  it("asks a public photo for a text alternative", async () => {
    expect(await refusal(store({ bytes: samples.webp, visibility: "public" }))).toBe("uploads.alt-text-required");
    const photo = await store({ bytes: samples.webp, visibility: "public", altText: "Het nieuwe bankje" });
    expect(photo.altText).toBe("Het nieuwe bankje");
  });
});
