import { z } from "zod";

/** The coordinator's opt-in for one learning group: an unticked box sends nothing, which is "off". */
export const groupContactForm = z.object({
  application: z.uuid(),
  share: z.literal("on").optional(),
});
