import { eq } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { recordAudit, type Term, termUnits } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";

/**
 * A municipality's advice terms: the council's term to answer a request, the municipality's term to respond to
 * advice, and the days before a deadline that the reminder goes out (0: none).
 */
export type AdviceTerms = { councilTerm: Term; responseTerm: Term; reminderDays: number };

/**
 * Until staff set their own: six weeks for the council, and four weeks for the municipality's response (the
 * answer term Capelle aan den IJssel gives its councils), both calendar terms extended past a weekend or holiday.
 */
export const DEFAULT_ADVICE_TERMS: AdviceTerms = {
  councilTerm: { length: 6, unit: "weeks" },
  responseTerm: { length: 4, unit: "weeks" },
  reminderDays: 5,
};

export async function getAdviceTerms(tx: Executor, o: { tenantId: string }): Promise<AdviceTerms> {
  const [row] = await tx.select().from(schema.adviceSettings).where(eq(schema.adviceSettings.tenantId, o.tenantId));
  if (!row) return DEFAULT_ADVICE_TERMS;
  return {
    councilTerm: { length: row.councilTermLength, unit: row.councilTermUnit },
    responseTerm: { length: row.responseTermLength, unit: row.responseTermUnit },
    reminderDays: row.reminderDays,
  };
}

const validTerm = (term: Term) =>
  Number.isInteger(term.length) && term.length >= 1 && term.length <= 365 && termUnits.includes(term.unit);

/** Applies to requests and advice from now on; deadlines already fixed stay as they are. */
export async function setAdviceTerms(
  tx: Tx,
  o: { tenantId: string; terms: AdviceTerms; actorPersonId: string | null; now: Date },
): Promise<void> {
  const { councilTerm, responseTerm, reminderDays } = o.terms;
  if (
    !validTerm(councilTerm) ||
    !validTerm(responseTerm) ||
    !(Number.isInteger(reminderDays) && reminderDays >= 0 && reminderDays <= 30)
  )
    throw new CouncilsError("councils.advice-term-invalid");
  const values = {
    councilTermLength: councilTerm.length,
    councilTermUnit: councilTerm.unit,
    responseTermLength: responseTerm.length,
    responseTermUnit: responseTerm.unit,
    reminderDays,
    updatedAt: o.now,
  };
  await tx
    .insert(schema.adviceSettings)
    .values({ tenantId: o.tenantId, ...values })
    .onConflictDoUpdate({ target: schema.adviceSettings.tenantId, set: values });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.advice-terms-set",
    details: { councilTerm, responseTerm, reminderDays },
  });
}
