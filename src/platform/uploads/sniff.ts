/** The file types the platform accepts, told apart by their first bytes: what a browser claims is never trusted. */
export const uploadTypes = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
} as const;
export type UploadType = keyof typeof uploadTypes;
export type UploadContentType = (typeof uploadTypes)[UploadType];

export const documentTypes: readonly UploadType[] = ["pdf"];
export const imageTypes: readonly UploadType[] = ["jpeg", "png", "webp"];
/** A receipt is a scan (PDF) or a photo of the paper slip. */
export const receiptTypes: readonly UploadType[] = ["pdf", ...imageTypes];

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The type by its magic number, or undefined for anything else (HTML, SVG, executables, a renamed file). */
export function sniffUploadType(bytes: Uint8Array): UploadType | undefined {
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  return undefined;
}
