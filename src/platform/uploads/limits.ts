/**
 * The largest file one upload may be: a phone photo of a receipt or a scanned council document fits, a video does
 * not. Request bodies that carry a file may be this much larger than ordinary forms (and no more).
 */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
