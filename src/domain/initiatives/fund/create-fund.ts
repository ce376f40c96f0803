import { schema, type Tx } from "../../../db/index.ts";
import { recordAudit } from "../../shared/index.ts";
import { InitiativesError } from "../errors.ts";
import { type Fund, type FundRules, rulesProblems } from "./rules.ts";

export type CreateFundOptions = FundRules & {
  tenantId: string;
  slug: string;
  name: string;
  description: string;
  actorPersonId: string | null;
  now: Date;
};

/** A new fund with its rules; the slug is its address (`/{gemeente}/fondsen/{slug}`) and unique per municipality. */
export async function createFund(tx: Tx, o: CreateFundOptions): Promise<Fund> {
  const problems = rulesProblems(o);
  if (problems.length > 0) throw new InitiativesError("initiatives.fund-rules-invalid", { rules: problems.join(",") });
  const { actorPersonId, now, ...values } = o;
  const [fund] = await tx
    .insert(schema.initiativeFunds)
    .values({ ...values, decisionDates: [...o.decisionDates].sort(), createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (!fund) throw new InitiativesError("initiatives.fund-slug-taken");
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId,
    action: "initiatives.fund-created",
    subject: fund.id,
    details: { slug: fund.slug },
  });
  return fund;
}
