import type { Tx } from "../../db/index.ts";
import { imageTypes, storeUpload } from "../../platform/uploads/index.ts";

/** A photo a resident or staff member adds to a plan or an update: an image, public, with its required alt text. */
export type PublicPhoto = { bytes: Uint8Array; fileName: string; altText: string };

/** Stores the photo through the upload module (type, size and alt text checked there); its upload id. */
export async function storePublicPhoto(
  tx: Tx,
  o: { tenantId: string; photo: PublicPhoto; actorPersonId: string | null; now: Date },
): Promise<string> {
  const stored = await storeUpload(tx, {
    tenantId: o.tenantId,
    bytes: o.photo.bytes,
    fileName: o.photo.fileName,
    accept: imageTypes,
    visibility: "public",
    altText: o.photo.altText,
    actorPersonId: o.actorPersonId,
    now: o.now,
  });
  return stored.id;
}
