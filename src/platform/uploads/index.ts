export { MAX_UPLOAD_BYTES } from "./limits.ts";
export { readUpload, type StoredFile } from "./read-upload.ts";
export {
  documentTypes,
  imageTypes,
  receiptTypes,
  sniffUploadType,
  type UploadContentType,
  type UploadType,
  uploadTypes,
} from "./sniff.ts";
export {
  type StoreUploadOptions,
  safeFileName,
  storeUpload,
  type Upload,
  UploadError,
  type UploadErrorCode,
} from "./store-upload.ts";
