import { z } from "zod";
import type { MessageKey } from "../i18n/catalogue.ts";
import { MAX_AREA_FILE_BYTES } from "./areas-limits.ts";

const message = (key: MessageKey) => ({ error: key });

const csvFile = z
  .instanceof(File, message("areas.import.fileRequired"))
  .refine((file) => file.size > 0, message("areas.import.fileRequired"))
  .refine((file) => file.size <= MAX_AREA_FILE_BYTES, message("areas.import.fileTooLarge"));

export const importAreasForm = z.object({
  intent: z.literal("import-areas"),
  file: csvFile,
  districtKind: z.enum(["kern", "wijk"], message("form.required")),
  municipalityCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^GM[0-9]{4}$/, message("areas.import.municipalityCodeFormat"))
    .optional(),
});

export const importPostcodesForm = z.object({ intent: z.literal("import-postcodes"), file: csvFile });

/** The areas page's two forms, by their `intent`. */
export const staffAreasForms = { "import-areas": importAreasForm, "import-postcodes": importPostcodesForm };
