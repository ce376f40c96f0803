import { z } from "zod";
import { emailAddress, honeypot } from "./fields.ts";

/** A resident follows something (a process, a council) by e-mail (double opt-in, ADR 0011). */
export const followForm = z.object({ intent: z.literal("follow"), email: emailAddress(), ...honeypot });
