import type { Tx } from "../../db/index.ts";
import { enqueueMail } from "../../mail/index.ts";
import { dutchDateOf } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import { requireCouncil } from "./require-council.ts";

export type ContactCouncilOptions = {
  tenantId: string;
  councilId: string;
  /** The visitor, as they gave themselves on the form: the secretary replies to this address. */
  name: string;
  email: string;
  message: string;
  /** The council's public page, for the link in the mail. */
  councilUrl: string;
  now: Date;
};

/**
 * A visitor's message to a council, mailed to whoever holds its secretary's seat today, through the queue and in
 * the secretary's own language. The
 * visitor never learns the secretary's address; the secretary answers to the visitor's (`Reply-To`). Refused with
 * `councils.no-secretary` when the seat is empty or its holder has no account.
 */
export async function contactCouncil(tx: Tx, o: ContactCouncilOptions): Promise<void> {
  const council = await requireCouncil(tx, { tenantId: o.tenantId, councilId: o.councilId, today: dutchDateOf(o.now) });
  if (council.secretaries.length === 0) throw new CouncilsError("councils.no-secretary");
  for (const secretary of council.secretaries)
    await enqueueMail(
      tx,
      {
        to: secretary.email,
        locale: secretary.locale,
        template: "council-contact",
        params: { council: council.name, name: o.name, email: o.email, message: o.message, url: o.councilUrl },
        headers: { "Reply-To": o.email },
      },
      { runAt: o.now },
    );
}
