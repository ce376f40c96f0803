/** Plain data the area forms and their page share (see `fields-limits.ts`). */

/** A CBS file for one municipality is tens of kilobytes; the whole country's is about 4 MB. */
export const MAX_AREA_FILE_BYTES = 8 * 1024 * 1024;
